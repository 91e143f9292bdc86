/*
 * Per-task CPU state and CPU exceptions: FP/SIMD registers and the TLS
 * register survive preemption by another process doing the same, fork
 * copies them, a busy loop is preempted, and (arm64) the EL0 exceptions
 * that are not page faults become the Linux signals.
 */
#include "tap.h"
#include <signal.h>

#define SPIN_ITERS 40000000L	/* several time slices under QEMU */

/*
 * Sum seed * (i & 7) in an FP register while the other child does the
 * same with another seed. With a dyadic seed every partial sum is exact,
 * so the result must equal the closed form.
 */
static int fp_sum_ok(double seed)
{
	double acc = 0;
	long i;

	for (i = 0; i < SPIN_ITERS; i++)
		acc += seed * (double)(i & 7);
	return acc == seed * 28.0 * (double)(SPIN_ITERS / 8);
}

#if defined(__aarch64__)
static unsigned long get_tls(void)
{
	unsigned long v;

	__asm__ __volatile__("mrs %0, tpidr_el0" : "=r"(v));
	return v;
}

static void set_tls(unsigned long v)
{
	__asm__ __volatile__("msr tpidr_el0, %0" ::"r"(v));
}

/* A callee-saved SIMD register (v8) keeps its value through a long spin. */
static int simd_reg_kept(unsigned long v)
{
	unsigned long out;

	__asm__ __volatile__("fmov d8, %1\n\t"
			     "mov x9, %2\n"
			     "1:\tsubs x9, x9, #1\n\t"
			     "b.ne 1b\n\t"
			     "fmov %0, d8"
			     : "=r"(out)
			     : "r"(v), "r"(SPIN_ITERS)
			     : "x9", "d8", "cc");
	return out == v;
}
#endif

/* Child body: 0 if its FP (and arm64 SIMD/TLS) state stayed intact. */
static int worker(double seed, unsigned long tag)
{
	int ok = fp_sum_ok(seed);

#if defined(__aarch64__)
	set_tls(tag);
	ok &= simd_reg_kept(tag) && get_tls() == tag;
#else
	(void)tag;
#endif
	return ok ? 0 : 1;
}

static void worker_a(void) { _exit(worker(1.25, 0xaaaa5555UL)); }
static void worker_b(void) { _exit(worker(3.5, 0x5555aaaaUL)); }

static void spin_forever(void)
{
	for (;;)
		__asm__ __volatile__("" ::: "memory");
}

static void test_preemption(void)
{
	pid_t a, b, spin;
	int sa = -1, sb = -1, ss = -1;

	fflush(stdout);
	a = fork();
	if (a == 0)
		worker_a();
	b = fork();
	if (b == 0)
		worker_b();
	if (a > 0)
		waitpid(a, &sa, 0);
	if (b > 0)
		waitpid(b, &sb, 0);
	check(WIFEXITED(sa) && WEXITSTATUS(sa) == 0 && WIFEXITED(sb) && WEXITSTATUS(sb) == 0,
	      "FP/SIMD and TLS registers survive preemption by another process",
	      "%s / %s", status_str(sa), status_str(sb));

	spin = fork();
	if (spin == 0)
		spin_forever();
	usleep(20000);		/* runs only if the spinning child is preempted */
	kill(spin, SIGKILL);
	waitpid(spin, &ss, 0);
	check(killed_by(ss, SIGKILL), "a busy-looping child is preempted and can be killed",
	      "%s", status_str(ss));
}

#if defined(__aarch64__)
/* Set in a child; the parent's must not change. */
static void child_sets_tls(void)
{
	set_tls(0x1234);
	_exit(get_tls() == 0x1234 ? 0 : 1);
}

static void child_checks_tls(void)
{
	pid_t p;
	int st;

	set_tls(0xfeed);
	p = fork();
	if (p == 0)
		_exit(get_tls() == 0xfeed ? 0 : 1);
	waitpid(p, &st, 0);
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 2);
}

static void exec_udf(void) { __asm__ __volatile__(".inst 0x00000000"); }
static void brk_insn(void) { __asm__ __volatile__("brk #1"); }
static void read_el1_sysreg(void) { __asm__ __volatile__("mrs x0, sctlr_el1" ::: "x0"); }
static void misaligned_pc(void)
{
	__asm__ __volatile__("adr x0, 1f\n\tadd x0, x0, #2\n\tbr x0\n1:\tnop" ::: "x0");
}

static void test_arm64(void)
{
	unsigned long saved = get_tls();
	int st;

	set_tls(0x4242);
	st = run_child(child_sets_tls);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && get_tls() == 0x4242,
	      "TPIDR_EL0 is per process", "%s, parent's now %#lx", status_str(st), get_tls());
	set_tls(saved);
	st = run_child(child_checks_tls);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "fork copies TPIDR_EL0", "%s",
	      status_str(st));
	st = run_child(exec_udf);
	check(killed_by(st, SIGILL), "an undefined instruction raises SIGILL", "%s",
	      status_str(st));
	st = run_child(read_el1_sysreg);
	check(killed_by(st, SIGILL), "reading an EL1 system register raises SIGILL", "%s",
	      status_str(st));
	st = run_child(brk_insn);
	check(killed_by(st, SIGTRAP), "brk raises SIGTRAP", "%s", status_str(st));
	st = run_child(misaligned_pc);
	check(killed_by(st, SIGBUS), "a misaligned pc raises SIGBUS", "%s", status_str(st));
}
#endif

int main(void)
{
	tap_start();
	test_preemption();
#if defined(__aarch64__)
	test_arm64();
#endif
	return tap_done();
}
