/*
 * fork copies page tables, not pages (issue 5 acceptance): after fork of a
 * process with 256 MiB of written anonymous memory, the child maps the
 * very frames the parent maps (pagemap) and MemFree drops by no more than
 * the page tables need.
 */
#include "mm_util.h"

#define SIZE (256UL << 20)
#define NPAGES (SIZE / PAGE)
#define TABLES_KB (2 * 1024)	/* generous room for the child's page tables */

static uint64_t pfns[NPAGES];

/* The pagemap entries of [p, p + NPAGES pages) in one read; 0 on success. */
static int read_pagemap(const char *p, uint64_t *out)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	size_t want = NPAGES * sizeof(uint64_t), got = 0;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (got < want) {
		n = pread(fd, (char *)out + got, want - got, (off_t)((uintptr_t)p / PAGE * 8 + got));
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	return got == want ? 0 : -1;
}

int main(void)
{
	static uint64_t mine[NPAGES];
	char *p = alloc_base_pages(SIZE);
	long before, after;
	int fds[2], status, pfn_known;
	unsigned long i;
	pid_t pid;

	tap_start();
	if (!p) {
		check(0, "mmap 256 MiB", "errno %d", errno);
		return tap_done();
	}
	for (i = 0; i < NPAGES; i++)
		p[i * PAGE] = (char)i;
	read_pagemap(p, pfns);
	pfn_known = (pfns[0] & PM_PFN_MASK) != 0;
	pipe(fds);
	before = mem_free_kb();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* child: report (MemFree now, how many frames differ) */
		long r[2] = { mem_free_kb(), 0 };

		if (read_pagemap(p, mine))
			r[1] = -1;
		for (i = 0; i < NPAGES && r[1] >= 0; i++)
			r[1] += (mine[i] & PM_PFN_MASK) != (pfns[i] & PM_PFN_MASK);
		write(fds[1], r, sizeof(r));
		_exit(0);
	}
	{
		long r[2] = { -1, -1 };

		read(fds[0], r, sizeof(r));
		after = r[0];
		waitpid(pid, &status, 0);
		if (pfn_known)
			check(r[1] == 0, "after fork the child maps the parent's frames (no page copied)",
			      "%ld of %lu pages differ", r[1], NPAGES);
		else
			skip("after fork the child maps the parent's frames", "PFNs hidden");
	}
	check(before > 0 && before - after < TABLES_KB,
	      "fork of 256 MiB takes only page-table memory",
	      "MemFree %ld kB -> %ld kB (limit %d kB)", before, after, TABLES_KB);
	for (i = 0; i < NPAGES; i++)
		if (p[i * PAGE] != (char)i)
			break;
	check(i == NPAGES, "the parent's data is intact after fork", "page %lu differs", i);
	close(fds[0]), close(fds[1]);
	munmap(p, SIZE);
	return tap_done();
}
