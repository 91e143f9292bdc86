/*
 * mprotect(2) on anonymous memory: changing part of a mapping splits it
 * (/proc/self/maps shows the pieces), changing it back merges them again;
 * the new protection is enforced (faults kill with SIGSEGV) and the data
 * survives; the errors Linux gives for bad input.
 */
#include "mm_util.h"
#include <signal.h>

#define NPAGES 8

static char *touch_addr;

static void do_write(void)
{
	*(volatile char *)touch_addr = 1;
}

static void do_read(void)
{
	(void)*(volatile char *)touch_addr;
}

static int write_faults(char *addr)
{
	touch_addr = addr;
	return killed_by(run_child(do_write), SIGSEGV);
}

static int read_faults(char *addr)
{
	touch_addr = addr;
	return killed_by(run_child(do_read), SIGSEGV);
}

/* An executable mapping, so that it merges with no neighbour. */
static char *isolated(void)
{
	char *p = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void test_split_merge(void)
{
	char *p = isolated();
	const int rwx = PROT_READ | PROT_WRITE | PROT_EXEC;

	fill(p, NPAGES * PAGE, 3);
	check(maps_lines(p, NPAGES * PAGE) == 1, "a new mapping is one VMA", "%d lines",
	      maps_lines(p, NPAGES * PAGE));
	check_ok(mprotect(p + 2 * PAGE, 2 * PAGE, PROT_READ), "mprotect of the middle to read-only");
	check(maps_lines(p, NPAGES * PAGE) == 3, "mprotect of the middle splits the VMA in three",
	      "%d lines", maps_lines(p, NPAGES * PAGE));
	check(write_faults(p + 2 * PAGE) && write_faults(p + 3 * PAGE),
	      "writing the read-only part kills with SIGSEGV", "no fault");
	check(!write_faults(p + PAGE) && !write_faults(p + 4 * PAGE),
	      "the parts around stay writable", "faulted");
	check(filled(p, NPAGES * PAGE, 3), "the data survives the split", "data differ");
	check_ok(mprotect(p, PAGE, PROT_NONE), "mprotect of the first page to PROT_NONE");
	check(read_faults(p), "reading a PROT_NONE page kills with SIGSEGV", "no fault");
	check(maps_lines(p, NPAGES * PAGE) == 4, "now there are four VMAs", "%d lines",
	      maps_lines(p, NPAGES * PAGE));
	check_ok(mprotect(p, NPAGES * PAGE, rwx), "mprotect of the whole range back");
	check(maps_lines(p, NPAGES * PAGE) == 1, "mprotect back merges the VMAs into one", "%d lines",
	      maps_lines(p, NPAGES * PAGE));
	check(filled(p, NPAGES * PAGE, 3), "the data survives the merge", "data differ");
	p[2 * PAGE] = 9;
	check(p[2 * PAGE] == 9, "the formerly read-only part is writable again", "lost write");
	munmap(p, NPAGES * PAGE);
}

/* A read-only then writable page that was shared at fork must still copy. */
static void test_after_fork(void)
{
	char *p = isolated();
	int go[2], status;
	char c = 0;
	pid_t pid;

	fill(p, NPAGES * PAGE, 4);
	pipe(go);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read(go[0], &c, 1);
		_exit(filled(p, NPAGES * PAGE, 4) ? 0 : 1);
	}
	mprotect(p, NPAGES * PAGE, PROT_READ);
	mprotect(p, NPAGES * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC);
	fill(p, NPAGES * PAGE, 5);
	write(go[1], &c, 1);
	waitpid(pid, &status, 0);
	check(child_ok(status) && filled(p, NPAGES * PAGE, 5),
	      "mprotect read-write of a shared page does not let the parent write into the child's page",
	      "child %s", status_str(status));
	close(go[0]), close(go[1]);
	munmap(p, NPAGES * PAGE);
}

static void test_bad_input(void)
{
	char *p = isolated();

	check_err(mprotect(p + 1, PAGE, PROT_READ), EINVAL, "mprotect of an unaligned address fails with EINVAL");
	check(mprotect(p, 0, PROT_READ) == 0, "mprotect of length 0 succeeds", "errno %d", errno);
	check_err(mprotect(p, PAGE, 0x100), EINVAL, "mprotect with unknown prot bits fails with EINVAL");
	check_err(mprotect(p, HUGE_COUNT, PROT_READ), ENOMEM, "mprotect of a huge length fails with ENOMEM");
	check_err(mprotect((void *)0x10000000, PAGE, PROT_READ), ENOMEM,
		  "mprotect of unmapped memory fails with ENOMEM");
	munmap(p + (NPAGES - 2) * PAGE, 2 * PAGE);
	check_err(mprotect(p, NPAGES * PAGE, PROT_READ), ENOMEM,
		  "mprotect of a range running into a hole fails with ENOMEM");
	check_err(mprotect(KERNEL_ADDR, PAGE, PROT_READ), ENOMEM,
		  "mprotect of a kernel address fails with ENOMEM");
	munmap(p, NPAGES * PAGE);
}

int main(void)
{
	char *probe = alloc_base_pages(PAGE);

	tap_start();
	if (mprotect(probe, PAGE, PROT_READ) && errno == ENOSYS) {
		skip("mprotect", "not implemented");
		return tap_done();
	}
	munmap(probe, PAGE);
	test_split_merge();
	test_after_fork();
	test_bad_input();
	return tap_done();
}
