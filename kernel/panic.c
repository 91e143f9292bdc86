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
#include <kernel/string.h>
#include <kernel/trap.h>
#include <asm/thread.h>

static int panicking;

#define BACKTRACE_MAX_FRAMES 16

/*
 * Print the return addresses of the frames above this one. A frame is
 * trusted only if it is 16-byte aligned, lies above the previous one and
 * within one kernel stack (THREAD_SIZE) of where the walk started, so a
 * corrupt chain stops the walk instead of faulting.
 */
static void dump_backtrace(void)
{
	unsigned long start = (unsigned long)__builtin_frame_address(0);
	unsigned long fp = start, prev = 0;
	int i;

	printk("Call trace:\n");
	for (i = 0; i < BACKTRACE_MAX_FRAMES; i++) {
		unsigned long ret;

		if (!fp || (fp & 15) || fp <= prev || fp - start >= THREAD_SIZE)
			break;
		ret = ((unsigned long *)fp)[1];
		if (!ret)
			break;
		printk("  [<%016lx>]\n", ret);
		prev = fp;
		fp = ((unsigned long *)fp)[0];
	}
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
	printk("Kernel panic: %s", buf);
	if (buf[0] && buf[strlen(buf) - 1] != '\n')
		printk("\n");
	dump_backtrace();
	printk("---[ end Kernel panic ]---\n");
	arch_poweroff(EXIT_PANIC);
}

void die(const char *msg, struct pt_regs *regs, unsigned long fault_addr)
{
	arch_irq_disable();
	printk("Oops: %s\n", msg);
	printk("fault address: 0x%016lx\n", fault_addr);
	arch_dump_regs(regs);
	panic("fatal exception");
}
