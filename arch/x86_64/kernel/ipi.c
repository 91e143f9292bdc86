/*
 * Inter-processor interrupts on x86-64: one fixed vector per enum ipi_type
 * (asm/irq_vectors.h), sent through the local APIC's interrupt command
 * register. The handlers hand the work to the generic code; do_irq()
 * acknowledges the APIC after them. A reschedule IPI only has to
 * interrupt: the CPU leaves hlt in cpu_idle() or, from user mode, passes
 * exit_to_user_mode(), which sees need_resched.
 */
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/irq.h>

static const u8 ipi_vector[NR_IPI_TYPES] = {
	[IPI_RESCHEDULE] = RESCHEDULE_VECTOR,
	[IPI_CALL_FUNC] = CALL_FUNCTION_VECTOR,
};

static void reschedule_interrupt(struct pt_regs *regs)
{
	(void)regs;
	smp_handle_ipi(IPI_RESCHEDULE);
}

static void call_function_interrupt(struct pt_regs *regs)
{
	(void)regs;
	smp_handle_ipi(IPI_CALL_FUNC);
}

void ipi_init(void)
{
	set_irq_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_irq_handler(CALL_FUNCTION_VECTOR, call_function_interrupt);
}

/* Any context; cpu must be a CPU the firmware listed. */
void arch_send_ipi(int cpu, enum ipi_type type)
{
	BUG_ON(cpu < 0 || cpu >= x86_platform.nr_cpus || type >= NR_IPI_TYPES);
	if (!apic_icr_write(APIC_DM_FIXED | ipi_vector[type], x86_platform.apic_id[cpu]))
		printk("ipi: CPU %d did not accept IPI %d\n", cpu, type);
}
