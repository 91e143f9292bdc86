/*
 * Parallel fault-in: 1, 2 and 4 threads write one byte to every page of a
 * fresh 256 MiB anonymous mapping, each its own contiguous quarter/half.
 * Figures: pages per second of wall time, and page faults taken (from
 * /proc/vmstat pgfault when present, else the pages touched).
 */
#include "bench.h"

#define REGION (256UL << 20)
#define PAGES (REGION / PAGE_SIZE_4K)

struct part {
	unsigned char *start;
	unsigned long pages;
};

static uthread_barrier_t go;

static void *touch(void *arg)
{
	struct part *p = arg;
	unsigned long i;

	uthread_barrier_wait(&go);
	for (i = 0; i < p->pages; i++)
		p->start[i * PAGE_SIZE_4K] = 1;
	uthread_barrier_wait(&go);
	return NULL;
}

static void run(int nthreads)
{
	struct part parts[4];
	uthread_t t[4];
	long long t0, t1, f0, f1;
	unsigned char *base = thread_map(REGION);
	char name[64];
	int i;

	if (!base) {
		printf("# b_fault: mmap of 256 MiB failed\n");
		return;
	}
	uthread_barrier_init(&go, (unsigned int)nthreads + 1);
	for (i = 0; i < nthreads; i++) {
		parts[i].start = base + (unsigned long)i * (REGION / nthreads);
		parts[i].pages = PAGES / nthreads;
		if (uthread_create(&t[i], touch, &parts[i])) {
			printf("# b_fault: could not start %d threads\n", nthreads);
			exit(1);	/* ends the threads waiting at the barrier */
		}
	}
	f0 = vmstat_pgfault();
	uthread_barrier_wait(&go);
	t0 = now_ns();
	uthread_barrier_wait(&go);
	t1 = now_ns();
	f1 = vmstat_pgfault();
	snprintf(name, sizeof(name), "fault_256M_%dthread", nthreads);
	bench_report(name, PAGES / ((t1 - t0) / 1e9), "pages/s");
	snprintf(name, sizeof(name), "fault_256M_%dthread_faults", nthreads);
	bench_report(name, f0 >= 0 && f1 >= 0 ? (double)(f1 - f0) : (double)PAGES, "faults");
	for (i = 0; i < nthreads; i++)
		uthread_join(t[i], NULL);
	thread_unmap(base, REGION);
}

int main(void)
{
	run(1);
	run(2);
	run(4);
	return 0;
}
