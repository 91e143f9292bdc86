/*
 * panic() and die(): the kernel's two ways to stop. Both print a final
 * message and the call trace and power the machine off with EXIT_PANIC,
 * so that a test harness sees a distinct exit status.
 *
 * The call trace follows frame records, which both architectures lay out
 * the same way when built with -fno-omit-frame-pointer (rbp / x29 points
 * to one):
 *
 *   fp -> +-------------------+
 *         | caller's fp       |  fp + 0
 *         | return address    |  fp + 8  (pushed by call / saved x30)
 *         +-------------------+
 *
 * Turn the addresses into lines with
 * `addr2line -e build/<arch>/kernel.elf ADDR...`.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/sections.h>
#include <kernel/string.h>
#include <kernel/trap.h>
#include <asm/thread.h>

static int panicking;

#define BACKTRACE_MAX_FRAMES 16

/*
 * Print pc, then the return addresses of the frames from the frame record
 * at fp up. A frame is trusted only if it is 16-byte aligned, lies above
 * the previous one and within one kernel stack (THREAD_SIZE) of where the
 * walk started, and a return address only if it lies in kernel text, so
 * a corrupt chain (or a function that set up no frame) ends the walk
 * instead of faulting or printing junk.
 */
static void dump_backtrace(unsigned long pc, unsigned long fp)
{
	unsigned long start = fp, prev = 0;
	int i;

	printk("Call trace:\n  [<%016lx>]\n", pc);
	for (i = 0; i < BACKTRACE_MAX_FRAMES; i++) {
		unsigned long ret;

		if (!fp || (fp & 15) || fp <= prev || fp - start >= THREAD_SIZE)
			break;
		ret = ((unsigned long *)fp)[1];
		if (ret <= (unsigned long)_text || ret > (unsigned long)_etext)
			break;
		printk("  [<%016lx>]\n", ret);
		prev = fp;
		fp = ((unsigned long *)fp)[0];
	}
}

/* The end of every panic: the message, the call trace from (pc, fp), power off. */
static void __noreturn panic_stop(const char *msg, unsigned long pc, unsigned long fp)
{
	printk("Kernel panic: %s", msg);
	if (msg[0] && msg[strlen(msg) - 1] != '\n')
		printk("\n");
	dump_backtrace(pc, fp);
	printk("---[ end Kernel panic ]---\n");
	arch_poweroff(EXIT_PANIC);
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	arch_irq_disable();
	if (__atomic_fetch_add(&panicking, 1, __ATOMIC_RELAXED))
		arch_poweroff(EXIT_PANIC);	/* panic inside panic */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* From the caller: this frame's record holds the caller's fp. */
	panic_stop(buf, (unsigned long)__builtin_return_address(0),
		   *(unsigned long *)__builtin_frame_address(0));
}

/* The call trace starts where the exception hit, not in the handlers. */
void die(const char *msg, struct pt_regs *regs, unsigned long fault_addr)
{
	arch_irq_disable();
	if (__atomic_fetch_add(&panicking, 1, __ATOMIC_RELAXED))
		arch_poweroff(EXIT_PANIC);
	printk("Oops: %s\n", msg);
	printk("fault address: 0x%016lx\n", fault_addr);
	arch_dump_regs(regs);
	panic_stop("fatal exception", arch_regs_pc(regs), arch_regs_frame_pointer(regs));
}
