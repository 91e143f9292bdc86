/*
 * mremap(2) on populated anonymous memory: a move keeps the data and the
 * very frames (page-table entries move, pages are not copied: pagemap shows
 * the same PFNs at the new place), leaves the old range unmapped; shrink
 * and grow in place; and the errors Linux gives for bad input.
 */
#include "mm_util.h"
#include <signal.h>

#define NPAGES 32

static char *touch_addr;

static void touch(void)
{
	*(volatile char *)touch_addr = 1;
}

/* Does touching addr kill a child with SIGSEGV? */
static int unmapped(char *addr)
{
	touch_addr = addr;
	return killed_by(run_child(touch), SIGSEGV);
}

static int same_pfns(char *p, const uint64_t *pfns, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (pfn_of(p + i * PAGE) != pfns[i] || !pfns[i])
			return 0;
	return 1;
}

/* Populated memory with a mapping right after it, so growing must move. */
static char *populated(uint64_t *pfns, char **blocker)
{
	char *p = alloc_base_pages((NPAGES + 1) * PAGE);
	int i;

	*blocker = NULL;
	if (!p)
		return NULL;
	munmap(p + NPAGES * PAGE, PAGE);
	*blocker = mmap(p + NPAGES * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			-1, 0);
	fill(p, NPAGES * PAGE, 5);
	for (i = 0; i < NPAGES; i++)
		pfns[i] = pfn_of(p + i * PAGE);
	return p;
}

static void test_move(void)
{
	uint64_t pfns[NPAGES];
	char *p, *q, *blocker, *target;
	int pfn_known;

	p = populated(pfns, &blocker);
	if (!p) {
		check(0, "mremap: set up populated memory", "mmap failed");
		return;
	}
	pfn_known = pfns[0] != 0;	/* the host hides PFNs from non-root */
	q = mremap(p, NPAGES * PAGE, 2 * NPAGES * PAGE, MREMAP_MAYMOVE);
	check(q != MAP_FAILED && q != p, "mremap MREMAP_MAYMOVE grows a blocked mapping by moving it",
	      "got %p (old %p), errno %d", (void *)q, (void *)p, errno);
	if (q == MAP_FAILED)
		return;
	check(filled(q, NPAGES * PAGE, 5), "the moved memory keeps its data", "data differ");
	check(q[NPAGES * PAGE] == 0 && q[2 * NPAGES * PAGE - 1] == 0,
	      "the grown part of the moved memory reads as zero", "nonzero");
	if (pfn_known)
		check(same_pfns(q, pfns, NPAGES), "the moved memory keeps its frames (entries moved, not copied)",
		      "pagemap frames differ");
	check(unmapped(p) && unmapped(p + (NPAGES - 1) * PAGE), "the old range is unmapped after the move",
	      "still mapped");
	check(!(pagemap(p) & PM_PRESENT), "pagemap: the old range has no pages", "present");

	/* MREMAP_FIXED to a chosen free place */
	target = alloc_base_pages(NPAGES * PAGE);
	munmap(target, NPAGES * PAGE);
	p = mremap(q, NPAGES * PAGE, NPAGES * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, target);
	check(p == target && filled(p, NPAGES * PAGE, 5),
	      "mremap MREMAP_FIXED moves the memory to the given address with its data",
	      "got %p, want %p", (void *)p, (void *)target);
	if (pfn_known && p == target)
		check(same_pfns(p, pfns, NPAGES), "MREMAP_FIXED keeps the frames", "pagemap frames differ");
	check(q[NPAGES * PAGE + 5] == 0, "the part left behind (not moved) stays mapped", "lost");
	munmap(p, NPAGES * PAGE);
	munmap(q, 2 * NPAGES * PAGE);
	munmap(blocker, PAGE);
}

static void test_in_place(void)
{
	char *p = alloc_base_pages(2 * NPAGES * PAGE), *q;

	munmap(p + NPAGES * PAGE, NPAGES * PAGE);	/* room to grow */
	fill(p, NPAGES * PAGE, 7);
	q = mremap(p, NPAGES * PAGE, NPAGES / 2 * PAGE, 0);
	check(q == p && filled(p, NPAGES / 2 * PAGE, 7), "mremap shrinks in place and keeps the data",
	      "got %p, want %p", (void *)q, (void *)p);
	check(unmapped(p + NPAGES / 2 * PAGE), "the cut-off tail is unmapped", "still mapped");
	q = mremap(p, NPAGES / 2 * PAGE, 2 * NPAGES * PAGE, 0);
	check(q == p && filled(p, NPAGES / 2 * PAGE, 7) && p[2 * NPAGES * PAGE - 1] == 0,
	      "mremap grows in place when the space after is free", "got %p, errno %d", (void *)q, errno);
	munmap(p, 2 * NPAGES * PAGE);
}

static void test_fork_then_move(void)
{
	char *p = alloc_base_pages(NPAGES * PAGE), *q, *target;
	int status;
	pid_t pid;

	fill(p, NPAGES * PAGE, 9);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		_exit(filled(p, NPAGES * PAGE, 9) ? 0 : 1);
	}
	target = alloc_base_pages(NPAGES * PAGE);
	munmap(target, NPAGES * PAGE);
	q = mremap(p, NPAGES * PAGE, NPAGES * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, target);
	if (q != MAP_FAILED)
		fill(q, NPAGES * PAGE, 10);	/* COW at the new address */
	waitpid(pid, &status, 0);
	check(q == target && filled(q, NPAGES * PAGE, 10) && child_ok(status),
	      "a moved shared range still copies on write (the child keeps its data)",
	      "q %p, child %s", (void *)q, status_str(status));
	munmap(q, NPAGES * PAGE);
}

static void test_bad_input(void)
{
	char *p = alloc_base_pages(4 * PAGE), *blocker;

	blocker = mmap(p + 4 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		       -1, 0);
	check_err((long)mremap(p + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EINVAL,
		  "mremap of an unaligned address fails with EINVAL");
	check_err((long)mremap(p, PAGE, 0, MREMAP_MAYMOVE), EINVAL, "mremap to length 0 fails with EINVAL");
	check_err((long)mremap(p, PAGE, HUGE_COUNT, MREMAP_MAYMOVE), EINVAL,
		  "mremap to a huge length fails with EINVAL");
	check_err((long)mremap(p, PAGE, 2 * PAGE, 0x80), EINVAL, "mremap with unknown flags fails with EINVAL");
	check_err((long)mremap(p, PAGE, PAGE, MREMAP_FIXED, p + 8 * PAGE), EINVAL,
		  "mremap MREMAP_FIXED without MREMAP_MAYMOVE fails with EINVAL");
	check_err((long)mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p + 8 * PAGE + 1), EINVAL,
		  "mremap MREMAP_FIXED to an unaligned address fails with EINVAL");
	check_err((long)mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p + PAGE), EINVAL,
		  "mremap MREMAP_FIXED onto an overlapping range fails with EINVAL");
	check_err((long)mremap(p, 4 * PAGE, 8 * PAGE, 0), ENOMEM,
		  "growing a blocked mapping without MREMAP_MAYMOVE fails with ENOMEM");
	check_err((long)mremap((void *)0x10000000, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EFAULT,
		  "mremap of unmapped memory fails with EFAULT");
	check_err((long)mremap(KERNEL_ADDR, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EFAULT,
		  "mremap of a kernel address fails with EFAULT");
	munmap(p, 4 * PAGE);
	munmap(blocker, PAGE);
}

int main(void)
{
	char *probe = alloc_base_pages(PAGE);

	tap_start();
	if (mremap(probe, PAGE, PAGE, 0) == MAP_FAILED && errno == ENOSYS) {
		skip("mremap", "not implemented");
		return tap_done();
	}
	munmap(probe, PAGE);
	test_move();
	test_in_place();
	test_fork_then_move();
	test_bad_input();
	return tap_done();
}
