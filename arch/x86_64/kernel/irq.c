/*
 * Interrupt dispatch for vectors 0x20-0xff, and the arch_irq_* interrupt
 * state helpers of <kernel/arch.h>.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/processor-flags.h>

static irq_handler_t irq_handlers[NR_VECTORS];

void set_irq_handler(unsigned int vector, irq_handler_t handler)
{
	BUG_ON(vector < NR_EXCEPTION_VECTORS || vector >= NR_VECTORS);
	WRITE_ONCE(irq_handlers[vector], handler);
}

/*
 * Runs with interrupts off. Spurious interrupts (the local APIC's, or the
 * masked 8259's IRQ 7/15) must not be acknowledged; everything else is
 * acknowledged at the local APIC after its handler.
 */
void do_irq(struct pt_regs *regs)
{
	unsigned long v = regs->vector;
	irq_handler_t handler;

	if (v == SPURIOUS_APIC_VECTOR || (v >= PIC_VECTOR_BASE && v < PIC_VECTOR_BASE + 16))
		return;
	handler = READ_ONCE(irq_handlers[v]);
	if (handler)
		handler(regs);
	else
		printk("irq: unexpected interrupt on vector %#lx\n", v);
	apic_eoi();
}

void arch_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

void arch_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

unsigned long arch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq\n\tpopq %0\n\tcli" : "=r"(flags) : : "memory");
	return flags;
}

/* Restores exactly the saved state, even if interrupts were enabled since. */
void arch_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_irq_enable();
	else
		arch_irq_disable();
}

/*
 * Sleep until an interrupt has been handled. hlt with interrupts off would
 * never wake, so interrupts are on while halted ("sti; hlt" is atomic:
 * sti takes effect after hlt starts) and the old state comes back after.
 */
void arch_wait_for_interrupt(void)
{
	unsigned long flags = arch_irq_save();

	__asm__ __volatile__("sti\n\thlt" ::: "memory");
	arch_irq_restore(flags);
}

void arch_cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

bool arch_irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq\n\tpopq %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}
