/*
 * 1,000 forks of a process with 64 MiB of written anonymous memory leak no
 * page: each child writes one page (a COW copy) and exits, the parent
 * writes one page now and then (reuse after the child is gone); MemFree is
 * the same before and after (after a warm-up round). On a busy host set
 * LEAK_TOLERANCE_KB.
 */
#include "mm_util.h"

#define SIZE (64UL << 20)
#define NPAGES (SIZE / PAGE)
#define CYCLES 1000

/* One cycle: fork, the child writes page i and checks page i + 1; 0 if ok. */
static int cycle(char *p, unsigned long i)
{
	unsigned long w = i % NPAGES, r = (i + 1) % NPAGES;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		p[w * PAGE] = (char)~p[w * PAGE];
		_exit(p[r * PAGE] == (char)r ? 0 : 1);
	}
	if (i % 16 == 0)
		p[(w + NPAGES / 2) % NPAGES * PAGE + 1] = 1;	/* parent write: COW or reuse */
	if (waitpid(pid, &status, 0) != pid || !child_ok(status))
		return -1;
	return p[w * PAGE] == (char)w ? 0 : -1;	/* the child's write stayed there */
}

int main(void)
{
	const char *tol_env = getenv("LEAK_TOLERANCE_KB");
	long before, after, tol = tol_env ? atol(tol_env) : 0;
	char *p = alloc_base_pages(SIZE);
	unsigned long i;

	tap_start();
	if (!p) {
		check(0, "mmap 64 MiB", "errno %d", errno);
		return tap_done();
	}
	for (i = 0; i < NPAGES; i++)
		p[i * PAGE] = (char)i;
	fflush(stdout);
	for (i = 0; i < 16; i++)	/* warm-up: lazily made kernel state */
		cycle(p, i);
	before = mem_free_kb();
	for (i = 0; i < CYCLES; i++)
		if (cycle(p, i))
			break;
	after = mem_free_kb();
	check(i == CYCLES, "1000 forks of a 64 MiB process: every child sees the data, COW separates writes",
	      "failed at cycle %lu", i);
	check(labs(after - before) <= tol, "MemFree is the same before and after 1000 forks of 64 MiB",
	      "%ld kB before, %ld kB after", before, after);
	munmap(p, SIZE);
	return tap_done();
}
