/*
 * Long-term pins through /sys/kernel/debug/gup_test (mm-semantics.md 7,
 * cases 5 and 6), on every memory kind: the pinned page must stay the page
 * the process maps, so what the process writes later is what the pin
 * reads (PIN_LONGTERM_TEST_READ), and fork never shares a pinned page.
 * Also the device's bad input. Skipped where the device is missing (a
 * host Linux without CONFIG_GUP_TEST).
 */
#include "mm_util.h"

#define SIZE (4 * PAGE)

static int gup_fd = -1;
static char pinbuf[SIZE];

/* The pin reads what mem holds now? */
static int pin_sees(const char *mem)
{
	memset(pinbuf, 0, sizeof(pinbuf));
	return gup_read(gup_fd, pinbuf) == 0 && !memcmp(pinbuf, mem, SIZE);
}

/*
 * Case 5: a long-term write pin, then the page is mapped read-only and
 * writable again; writes stay visible through the pin; after fork the
 * child does not share the pinned page (its writes do not reach the pin,
 * the parent's do).
 */
static const char *rw_pin_then_readonly(char *mem)
{
	int status;
	pid_t pid;

	fill(mem, SIZE, 1);
	if (gup_pin(gup_fd, mem, SIZE, PIN_LONGTERM_TEST_FLAG_USE_WRITE))
		return "the write pin failed";
	if (mprotect(mem, SIZE, PROT_READ) || !pin_sees(mem))
		return "the pin does not see the data after mprotect read-only";
	if (mprotect(mem, SIZE, PROT_READ | PROT_WRITE))
		return "mprotect read-write failed";
	fill(mem, SIZE, 2);
	if (!pin_sees(mem))
		return "a write after the mprotect round trip is not seen through the pin";
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fill(mem, SIZE, 3);
		_exit(filled(mem, SIZE, 3) ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) != pid || !child_ok(status))
		return "the child failed";
	if (!filled(mem, SIZE, 2))
		return "the child's write reached the parent";
	if (!pin_sees(mem))
		return "after fork the pin and the parent disagree (the child got the pinned page?)";
	fill(mem, SIZE, 4);
	if (!pin_sees(mem))
		return "the parent's write after fork is not seen through the pin";
	return NULL;
}

enum share_state { SHARED, PREVIOUSLY_SHARED, EXCLUSIVE };

/*
 * Case 6: a read-only pin (flags: slow or fast) of a page mapped read-only
 * that is shared with a child, was shared, or is exclusive; afterwards the
 * process writes (after mprotect read-write): the pin must show that write,
 * i.e. the pinned page is the one that stays mapped.
 */
static const char *ro_pin(char *mem, enum share_state state, uint32_t flags)
{
	const char *why = NULL;
	int go[2], status = 0;
	char c = 0;
	pid_t pid = -1;

	fill(mem, SIZE, 1);
	if (state != EXCLUSIVE) {
		if (pipe(go))
			return "pipe failed";
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			if (read(go[0], &c, 1) != 1)
				_exit(3);
			_exit(filled(mem, SIZE, 1) ? 0 : 2);
		}
		if (state == PREVIOUSLY_SHARED) {
			write(go[1], &c, 1);
			waitpid(pid, &status, 0);
			pid = -1;
		}
	}
	if (mprotect(mem, SIZE, PROT_READ))
		why = "mprotect read-only failed";
	else if (gup_pin(gup_fd, mem, SIZE, flags))
		why = "the read-only pin failed";
	else if (!pin_sees(mem))
		why = "the pin does not see the data";
	else if (mprotect(mem, SIZE, PROT_READ | PROT_WRITE))
		why = "mprotect read-write failed";
	if (!why) {
		fill(mem, SIZE, 2);
		if (!pin_sees(mem))
			why = "the pin lost track of the page the process maps (COW after pin)";
	}
	gup_unpin(gup_fd);
	if (pid > 0) {
		write(go[1], &c, 1);
		if (waitpid(pid, &status, 0) != pid || !child_ok(status))
			why = why ? why : "the child saw the parent's write";
	}
	if (state != EXCLUSIVE)
		close(go[0]), close(go[1]);
	return why;
}

static void run_kind(const struct mem_kind *kind)
{
	static const char *const states[] = { "a shared", "a previously shared", "an exclusive" };
	char name[200];
	const char *why;
	char *mem;
	int s, fast;

	mem = kind->alloc(SIZE);
	if (mem && mprotect(mem, SIZE, PROT_READ | PROT_WRITE) && errno == ENOSYS) {
		skip("pins of read-only mapped pages", "mprotect not implemented");
		munmap(mem, SIZE);
		return;
	}
	why = mem ? rw_pin_then_readonly(mem) : "cannot allocate the memory";
	gup_unpin(gup_fd);
	snprintf(name, sizeof(name),
		 "%s: long-term write pin, mprotect round trip and fork keep the pin coherent",
		 kind->name);
	check(!why, name, "%s", why ? why : "");
	if (mem)
		munmap(mem, SIZE);
	for (fast = 0; fast < 2; fast++) {
		for (s = SHARED; s <= EXCLUSIVE; s++) {
			mem = kind->alloc(SIZE);
			why = mem ? ro_pin(mem, s, fast ? PIN_LONGTERM_TEST_FLAG_USE_FAST : 0)
				  : "cannot allocate the memory";
			snprintf(name, sizeof(name),
				 "%s: %sread-only pin of %s page sees the writes made after it",
				 kind->name, fast ? "fast " : "", states[s]);
			check(!why, name, "%s", why ? why : "");
			if (mem)
				munmap(mem, SIZE);
		}
	}
}

static void test_bad_input(void)
{
	char *mem = alloc_base_pages(SIZE);
	uint64_t addr = (uintptr_t)pinbuf;

	check_err(gup_read(gup_fd, pinbuf), EINVAL, "PIN_LONGTERM_TEST_READ with nothing pinned fails with EINVAL");
	check_err(gup_pin(gup_fd, mem + 1, PAGE, 0), EINVAL, "pinning an unaligned address fails with EINVAL");
	check_err(gup_pin(gup_fd, mem, 100, 0), EINVAL, "pinning an unaligned size fails with EINVAL");
	check_err(gup_pin(gup_fd, mem, 0, 0), EINVAL, "pinning 0 bytes fails with EINVAL");
	check_err(gup_pin(gup_fd, mem, PAGE, 4), EINVAL, "pinning with unknown flags fails with EINVAL");
	check_err(gup_pin(gup_fd, KERNEL_ADDR, PAGE, 0), EFAULT, "pinning a kernel address fails with EFAULT");
	check_err(gup_pin(gup_fd, (void *)0x10000000, PAGE, 0), EFAULT,
		  "pinning unmapped memory fails with EFAULT");
	check_err(ioctl(gup_fd, PIN_LONGTERM_TEST_START, BAD_ADDR), EFAULT,
		  "PIN_LONGTERM_TEST_START with a bad argument pointer fails with EFAULT");
	check_err(ioctl(gup_fd, _IO('g', 99)), EINVAL, "an unknown ioctl fails with EINVAL");
	check_ok(gup_pin(gup_fd, mem, SIZE, 0), "pinning mapped memory succeeds");
	check_err(gup_pin(gup_fd, mem, SIZE, 0), EINVAL, "a second PIN_LONGTERM_TEST_START fails with EINVAL");
	check_err(ioctl(gup_fd, PIN_LONGTERM_TEST_READ, BAD_ADDR), EFAULT,
		  "PIN_LONGTERM_TEST_READ with a bad argument pointer fails with EFAULT");
	addr = (uintptr_t)KERNEL_ADDR;
	check_err(ioctl(gup_fd, PIN_LONGTERM_TEST_READ, &addr), EFAULT,
		  "PIN_LONGTERM_TEST_READ into a kernel buffer fails with EFAULT");
	check_ok(gup_unpin(gup_fd), "PIN_LONGTERM_TEST_STOP unpins");
	check_ok(gup_unpin(gup_fd), "PIN_LONGTERM_TEST_STOP with nothing pinned succeeds");
	munmap(mem, SIZE);
}

int main(void)
{
	size_t k;

	tap_start();
	gup_fd = gup_open();
	if (gup_fd < 0) {
		skip("gup_test pins", GUP_TEST_PATH " is missing");
		return tap_done();
	}
	for (k = 0; k < NR_MEM_KINDS; k++)
		run_kind(&mem_kinds[k]);
	test_bad_input();
	close(gup_fd);
	return tap_done();
}
