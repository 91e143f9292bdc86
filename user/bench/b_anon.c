/*
 * Issue 5 benchmarks on base pages (perf-targets.md; Linux measured the
 * same way): each after a warm-up pass, so that QEMU has touched the guest
 * RAM once, timed with clock_gettime, faults from /proc/vmstat pgfault.
 *   anon_fault_256M   first touch of a fresh 256 MiB mapping (pages/s,
 *                     ms, faults)
 *   anon_fork_256M    fork of a process with 256 MiB written (pages/s of
 *                     the parent's memory, ms until fork returns)
 *   anon_cow_64M      the child writes 64 MiB after fork: the COW
 *                     write-fault path (pages/s, ms)
 */
#include "bench.h"

#define REGION (256UL << 20)
#define PAGES (REGION / PAGE_SIZE_4K)
#define COW_REGION (64UL << 20)
#define COW_PAGES (COW_REGION / PAGE_SIZE_4K)

static void touch(unsigned char *p, unsigned long pages)
{
	unsigned long i;

	for (i = 0; i < pages; i++)
		p[i * PAGE_SIZE_4K] = 1;
}

static void report_rate(const char *name, unsigned long pages, long long ns)
{
	char buf[64];

	bench_report(name, pages / (ns / 1e9), "pages/s");
	snprintf(buf, sizeof(buf), "%s_ms", name);
	bench_report(buf, ns / 1e6, "ms");
}

static void bench_fault(void)
{
	unsigned char *p = thread_map(REGION);
	long long t0, t1, f0, f1;

	touch(p, PAGES);			/* warm-up */
	thread_unmap(p, REGION);
	p = thread_map(REGION);
	f0 = vmstat_pgfault();
	t0 = now_ns();
	touch(p, PAGES);
	t1 = now_ns();
	f1 = vmstat_pgfault();
	report_rate("anon_fault_256M", PAGES, t1 - t0);
	bench_report("anon_fault_256M_faults", f0 >= 0 ? (double)(f1 - f0) : (double)PAGES, "faults");
	thread_unmap(p, REGION);
}

static void bench_fork_cow(void)
{
	unsigned char *p = thread_map(REGION);
	long long t0, t1, cow_ns = 0;
	int fds[2], status;
	pid_t pid;

	touch(p, PAGES);
	if (pipe(fds))
		return;
	fflush(stdout);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		long long c0 = now_ns(), c1;

		touch(p, COW_PAGES);		/* the COW write faults */
		c1 = now_ns();
		c1 -= c0;
		write(fds[1], &c1, sizeof(c1));
		_exit(0);
	}
	t1 = now_ns();
	if (pid < 0)
		return;
	read(fds[0], &cow_ns, sizeof(cow_ns));
	waitpid(pid, &status, 0);
	report_rate("anon_fork_256M", PAGES, t1 - t0);
	if (cow_ns > 0)
		report_rate("anon_cow_64M", COW_PAGES, cow_ns);
	close(fds[0]);
	close(fds[1]);
	thread_unmap(p, REGION);
}

int main(void)
{
	bench_fault();
	bench_fork_cow();
	return 0;
}
