/* Tests of brk, mmap/munmap (and mprotect/madvise/mremap when implemented), malloc. */
#include "tap.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define PAGE 4096UL

static char *page;

static void touch_page(void)
{
	page[0] = 1;
}

static void test_brk(void)
{
	char *start, *p, *end;
	long i;

	/* stdio allocates its buffer from the heap on first use: before the test */
	printf("# brk and sbrk\n");
	start = sbrk(0);
	p = sbrk(1 << 20);
	end = sbrk(0);
	check(start != (char *)-1, "sbrk(0) returns the current break", "failed");
	check(p == start, "sbrk growing by 1 MiB returns the old break", "%p vs %p", (void *)p, (void *)start);
	check(end == start + (1 << 20), "the break moved by 1 MiB", "moved elsewhere");
	for (i = 0; i < (1 << 20); i += PAGE)
		p[i] = (char)i;
	check(p[PAGE * 3] == (char)(PAGE * 3), "the grown heap is writable", "lost data");
	check(brk(start) == 0 && sbrk(0) == start, "brk shrinks the heap back", "failed");
	check(syscall(SYS_brk, (void *)0xffff800000000000UL) != (long)0xffff800000000000UL,
	      "brk into the kernel half is refused", "moved");
	check(syscall(SYS_brk, opaque(1)) == (long)sbrk(0),
	      "brk below the heap start leaves the break unchanged", "moved");
}

static void test_mmap(void)
{
	char *p;
	long i;
	int status;

	p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(p != MAP_FAILED && ((uintptr_t)p & (PAGE - 1)) == 0,
	      "mmap of anonymous memory returns a page-aligned address", "got %p", (void *)p);
	if (p == MAP_FAILED)
		return;
	check(p[5 * PAGE] == 0, "fresh anonymous memory reads as zero", "nonzero");
	for (i = 0; i < 16; i++)
		p[i * PAGE] = (char)(i + 1);
	check(p[15 * PAGE] == 16, "anonymous memory is writable", "lost");
	check(munmap(p, 16 * PAGE) == 0, "munmap of the mapping succeeds", "errno %d", errno);
	page = p;
	status = run_child(touch_page);
	check(killed_by(status, SIGSEGV), "touching unmapped memory kills with SIGSEGV",
	      "%s", status_str(status));
	p = mmap((void *)0x300000000UL, PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check(p == (void *)0x300000000UL, "mmap MAP_FIXED maps at the given address", "got %p", (void *)p);
	munmap(p, PAGE);
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page = p;
	status = run_child(touch_page);
	check(killed_by(status, SIGSEGV), "writing a PROT_READ mapping kills with SIGSEGV",
	      "%s", status_str(status));
	munmap(p, PAGE);

	check_err((long)mmap((void *)0x300000123UL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		  EINVAL, "mmap MAP_FIXED at an unaligned address fails with EINVAL");
	check_err((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL,
		  "mmap of length 0 fails with EINVAL");
	check_err((long)mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL,
		  "mmap without MAP_PRIVATE or MAP_SHARED fails with EINVAL");
	check_err((long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 4242, 0), EBADF,
		  "mmap of an unused fd fails with EBADF");
	check_err((long)mmap(NULL, (size_t)1 << 62, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		  ENOMEM, "mmap of 2^62 bytes fails with ENOMEM");
	check_err((long)mmap(KERNEL_ADDR, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		  ENOMEM, "mmap MAP_FIXED in the kernel half fails with ENOMEM");
	check_err(munmap((void *)0x300000123UL, PAGE), EINVAL, "munmap of an unaligned address fails with EINVAL");
	check_err(munmap((void *)0x300000000UL, 0), EINVAL, "munmap of length 0 fails with EINVAL");
	check_err(munmap(KERNEL_ADDR, PAGE), EINVAL, "munmap in the kernel half fails with EINVAL");
	check(munmap((void *)0x300000000UL, PAGE) == 0, "munmap of an unmapped range succeeds", "errno %d", errno);
}

/* Calls later issues implement: skipped while the kernel answers ENOSYS. */
static void test_later_calls(void)
{
	char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;
	int status;

	p[0] = 1;
	if (mprotect(p, PAGE, PROT_READ) < 0 && errno == ENOSYS) {
		skip("mprotect to read-only makes writes fault", "mprotect not implemented");
	} else {
		page = p;
		status = run_child(touch_page);
		check(killed_by(status, SIGSEGV), "mprotect to read-only makes writes fault",
		      "%s", status_str(status));
		check_err(mprotect(p + 1, PAGE, PROT_READ), EINVAL, "mprotect of an unaligned address fails with EINVAL");
		mprotect(p, PAGE, PROT_READ | PROT_WRITE);
	}
	if (madvise(p, PAGE, MADV_DONTNEED) < 0 && errno == ENOSYS) {
		skip("madvise MADV_DONTNEED zeroes anonymous memory", "madvise not implemented");
	} else {
		check(p[0] == 0, "madvise MADV_DONTNEED zeroes anonymous memory", "still %d", p[0]);
		check_err(madvise(p, PAGE, 9999), EINVAL, "madvise with an unknown advice fails with EINVAL");
	}
	p[0] = 5;
	q = mremap(p, 4 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
	if (q == MAP_FAILED && errno == ENOSYS) {
		skip("mremap MREMAP_MAYMOVE keeps the contents", "mremap not implemented");
		munmap(p, 4 * PAGE);
	} else {
		check(q != MAP_FAILED && q[0] == 5, "mremap MREMAP_MAYMOVE keeps the contents", "lost");
		munmap(q, 64 * PAGE);
	}
}

static void test_malloc(void)
{
	size_t size = 64UL << 20, i;
	unsigned char *p = malloc(size);
	int bad = 0;

	check(p != NULL, "malloc of 64 MiB succeeds", "NULL");
	if (!p)
		return;
	for (i = 0; i < size; i += PAGE)
		p[i] = (unsigned char)(i / PAGE);
	for (i = 0; i < size; i += PAGE)
		bad |= p[i] != (unsigned char)(i / PAGE);
	check(!bad, "64 MiB of malloc'd memory, touched page by page, keeps its data", "corrupted");
	free(p);
	p = malloc(100);
	check(p != NULL, "malloc works again after freeing 64 MiB", "NULL");
	free(p);
}

int main(void)
{
	tap_start();
	test_brk();
	test_mmap();
	test_later_calls();
	test_malloc();
	return tap_done();
}
