/*
 * madvise(2) on anonymous memory: MADV_DONTNEED drops the pages (they read
 * as zero again, pagemap shows nothing there), MADV_DONTFORK keeps a range
 * out of a fork child and MADV_DOFORK brings it back, MADV_HUGEPAGE and
 * MADV_NOHUGEPAGE mark the VMA (smaps VmFlags "hg" / "nh"); the errors
 * Linux gives for bad input.
 */
#include "mm_util.h"
#include <signal.h>

#define NPAGES 8

static char *touch_addr;

static void touch(void)
{
	*(volatile char *)touch_addr = 1;
}

/* The VmFlags line of the VMA starting at p contains flag? */
static int vm_flag(char *p, const char *flag)
{
	unsigned long start, end;
	char line[256];
	int in_vma = 0, found = 0;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx ", &start, &end) == 2)
			in_vma = start == (uintptr_t)p;
		else if (in_vma && !strncmp(line, "VmFlags:", 8)) {
			char want[8];

			snprintf(want, sizeof(want), " %s", flag);
			found = strstr(line, want) != NULL;
			break;
		}
	}
	fclose(f);
	return found;
}

static void test_dontneed(void)
{
	char *p = alloc_base_pages(NPAGES * PAGE);
	int i, zero = 1;

	fill(p, NPAGES * PAGE, 1);
	check_ok(madvise(p + 2 * PAGE, 4 * PAGE, MADV_DONTNEED), "madvise MADV_DONTNEED succeeds");
	check(!(pagemap(p + 3 * PAGE) & PM_PRESENT), "MADV_DONTNEED unmaps the pages", "still present");
	for (i = 2 * PAGE; i < 6 * (int)PAGE; i++)
		zero &= p[i] == 0;
	check(zero, "MADV_DONTNEED'ed pages read as zero", "old data");
	check(filled(p, 2 * PAGE, 1) && p[6 * PAGE] == (char)(6 * PAGE * 31 + 1),
	      "pages outside the range keep their data", "lost");
	munmap(p, NPAGES * PAGE);
}

static void test_dontfork(void)
{
	char *p = alloc_base_pages(NPAGES * PAGE);
	int status;

	fill(p, NPAGES * PAGE, 2);
	check_ok(madvise(p, NPAGES * PAGE, MADV_DONTFORK), "madvise MADV_DONTFORK succeeds");
	touch_addr = p;
	status = run_child(touch);
	check(killed_by(status, SIGSEGV), "a MADV_DONTFORK range is not mapped in a fork child",
	      "%s", status_str(status));
	check(filled(p, NPAGES * PAGE, 2), "the parent keeps a MADV_DONTFORK range", "lost");
	check_ok(madvise(p, NPAGES * PAGE, MADV_DOFORK), "madvise MADV_DOFORK succeeds");
	status = run_child(touch);
	check(child_ok(status), "after MADV_DOFORK the child has the range again", "%s", status_str(status));
	munmap(p, NPAGES * PAGE);
}

static void test_hugepage_flags(void)
{
	char *p = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (madvise(p, NPAGES * PAGE, MADV_HUGEPAGE) && errno == EINVAL) {
		skip("MADV_HUGEPAGE marks the VMA", "no THP support (host)");
		munmap(p, NPAGES * PAGE);
		return;
	}
	check(vm_flag(p, "hg"), "MADV_HUGEPAGE marks the VMA (VmFlags hg)", "no hg flag");
	check_ok(madvise(p, NPAGES * PAGE, MADV_NOHUGEPAGE), "madvise MADV_NOHUGEPAGE succeeds");
	check(vm_flag(p, "nh") && !vm_flag(p, "hg"), "MADV_NOHUGEPAGE replaces it (VmFlags nh)",
	      "flags wrong");
	munmap(p, NPAGES * PAGE);
}

static void test_bad_input(void)
{
	char *p = alloc_base_pages(NPAGES * PAGE);

	check_err(madvise(p + 1, PAGE, MADV_DONTNEED), EINVAL, "madvise of an unaligned address fails with EINVAL");
	check(madvise(p, 0, MADV_DONTNEED) == 0, "madvise of length 0 succeeds", "errno %d", errno);
	check_err(madvise(p, PAGE, 9999), EINVAL, "madvise with an unknown advice fails with EINVAL");
	check_err(madvise(p, HUGE_COUNT, MADV_DONTNEED), EINVAL, "madvise of a huge length fails with EINVAL");
	check_err(madvise((void *)0x10000000, PAGE, MADV_DONTNEED), ENOMEM,
		  "madvise of unmapped memory fails with ENOMEM");
	munmap(p + (NPAGES - 2) * PAGE, 2 * PAGE);
	check_err(madvise(p, NPAGES * PAGE, MADV_DONTFORK), ENOMEM,
		  "madvise of a range running into a hole fails with ENOMEM");
	madvise(p, (NPAGES - 2) * PAGE, MADV_DOFORK);
	check_err(madvise(KERNEL_ADDR, PAGE, MADV_DONTNEED), ENOMEM,
		  "madvise of a kernel address fails with ENOMEM");
	munmap(p, NPAGES * PAGE);
}

int main(void)
{
	char *probe = alloc_base_pages(PAGE);

	tap_start();
	if (madvise(probe, PAGE, MADV_DOFORK) && errno == ENOSYS) {
		skip("madvise", "not implemented");
		return tap_done();
	}
	munmap(probe, PAGE);
	test_dontneed();
	test_dontfork();
	test_hugepage_flags();
	test_bad_input();
	return tap_done();
}
