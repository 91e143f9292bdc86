/*
 * panic() and die(): the kernel's two ways to stop. Both print a final
 * message and power the machine off with EXIT_PANIC, so that a test harness
 * sees a distinct exit status.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/trap.h>

static int panicking;

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
