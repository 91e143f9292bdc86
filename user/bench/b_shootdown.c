/*
 * TLB-shootdown latency: the time munmap (and mprotect to read-only, once
 * it exists) of one present page takes while 0, 1 or 3 other threads of
 * the process spin on other CPUs (so every CPU may hold the mm's
 * translations and must be flushed). Figures: mean nanoseconds per call.
 */
#include "bench.h"

#define CALLS 2000

static int stop;

static void *spin(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		;
	return NULL;
}

/* Mean ns of munmap of a freshly touched page; -1 on failure. */
static double time_munmap(void)
{
	long long total = 0, t0;
	int i;

	for (i = 0; i < CALLS; i++) {
		volatile char *p = thread_map(PAGE_SIZE_4K);

		if (!p)
			return -1;
		*p = 1;
		t0 = now_ns();
		if (thread_unmap((void *)p, PAGE_SIZE_4K))
			return -1;
		total += now_ns() - t0;
	}
	return (double)total / CALLS;
}

/* Mean ns of mprotect(PROT_READ) of a written page; -1 if unavailable. */
static double time_mprotect(void)
{
	volatile char *p = thread_map(PAGE_SIZE_4K);
	long long total = 0, t0;
	int i;

	if (!p)
		return -1;
	for (i = 0; i < CALLS; i++) {
		*p = 1;
		t0 = now_ns();
		if (sys3(SYS_mprotect, p, PAGE_SIZE_4K, PROT_READ)) {
			thread_unmap((void *)p, PAGE_SIZE_4K);
			return -1;
		}
		total += now_ns() - t0;
		if (sys3(SYS_mprotect, p, PAGE_SIZE_4K, PROT_READ | PROT_WRITE))
			break;
	}
	thread_unmap((void *)p, PAGE_SIZE_4K);
	return i == CALLS ? (double)total / CALLS : -1;
}

static void run(int others)
{
	uthread_t t[3];
	char name[64];
	double ns;
	int i;

	__atomic_store_n(&stop, 0, __ATOMIC_RELAXED);
	for (i = 0; i < others; i++) {
		if (uthread_create(&t[i], spin, NULL)) {
			printf("# b_shootdown: could not start %d threads\n", others);
			exit(1);	/* ends the spinning threads */
		}
	}
	ns = time_munmap();
	snprintf(name, sizeof(name), "shootdown_munmap_%dspinning", others);
	if (ns >= 0)
		bench_report(name, ns, "ns/call");
	ns = time_mprotect();
	snprintf(name, sizeof(name), "shootdown_mprotect_%dspinning", others);
	if (ns >= 0)
		bench_report(name, ns, "ns/call");
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < others; i++)
		uthread_join(t[i], NULL);
}

int main(void)
{
	run(0);
	run(1);
	run(3);
	return 0;
}
