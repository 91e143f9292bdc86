/*
 * A user fault kills only the faulting process with the right signal, and
 * its parent reaps it with that status: reading address 0, writing a
 * string literal, executing a non-executable page, touching kernel memory.
 */
#include "tap.h"
#include <signal.h>
#include <sys/mman.h>

static volatile int sink;

static void read_null(void)
{
	sink = *(volatile int *)opaque(0);
}

static void write_rodata(void)
{
	volatile char *s = (volatile char *)opaque((uintptr_t)"read-only literal");

	s[0] = 'X';
}

/* Call a function placed in a writable, non-executable data page. */
static void exec_data(void)
{
	static unsigned char code[64] __attribute__((aligned(16)));
#if defined(__x86_64__)
	code[0] = 0xc3;				/* ret */
#else
	code[0] = 0xc0; code[1] = 0x03; code[2] = 0x5f; code[3] = 0xd6;	/* ret */
#endif
	((void (*)(void))opaque((uintptr_t)code))();
}

static void exec_stack(void)
{
	unsigned char code[16];

	memset(code, 0, sizeof(code));
	((void (*)(void))opaque((uintptr_t)code))();
}

static void read_kernel(void)
{
	sink = *(volatile int *)KERNEL_ADDR;
}

static void write_kernel(void)
{
	*(volatile int *)KERNEL_ADDR = 1;
}

static void jump_kernel(void)
{
	((void (*)(void))KERNEL_ADDR)();
}

static void self_abort(void)
{
	abort();
}

static void raise_segv(void)
{
	raise(SIGSEGV);
}

static const struct {
	void (*fn)(void);
	int sig;
	const char *name;
} cases[] = {
	{ read_null, SIGSEGV, "reading address 0 kills the child with SIGSEGV" },
	{ write_rodata, SIGSEGV, "writing a string literal kills the child with SIGSEGV" },
	{ exec_data, SIGSEGV, "executing a data page kills the child with SIGSEGV" },
	{ exec_stack, SIGSEGV, "executing the stack kills the child with SIGSEGV" },
	{ read_kernel, SIGSEGV, "reading kernel memory kills the child with SIGSEGV" },
	{ write_kernel, SIGSEGV, "writing kernel memory kills the child with SIGSEGV" },
	{ jump_kernel, SIGSEGV, "jumping into the kernel kills the child with SIGSEGV" },
	{ raise_segv, SIGSEGV, "raise(SIGSEGV) kills the child with SIGSEGV" },
	{ self_abort, SIGABRT, "abort() kills the child with SIGABRT" },
};

int main(void)
{
	unsigned i;
	int status;

	tap_start();
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		status = run_child(cases[i].fn);
		check(killed_by(status, cases[i].sig), cases[i].name, "%s", status_str(status));
	}
	status = run_child(read_null);
	check(killed_by(status, SIGSEGV), "the parent survives its children's faults",
	      "%s", status_str(status));
	return tap_done();
}
