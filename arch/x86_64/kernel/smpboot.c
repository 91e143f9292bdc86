/*
 * Bringing up the secondary CPUs (the arch half of <kernel/smp.h>): the
 * CPU list from the firmware tables (acpi.c), the INIT-SIPI-SIPI sequence
 * through the local APIC (Intel SDM vol. 3, 8.4.4.1 "Typical BSP
 * Initialization Sequence", and the MultiProcessor Specification B.4), and
 * each CPU's own set-up before it joins the scheduler.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <mm/mm_types.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/smp.h>

#define INIT_ASSERT_US 10000		/* hold INIT for 10 ms */
#define STARTUP_DELAY_US 200		/* after each STARTUP IPI */
#define NR_STARTUP_IPIS 2
#define CALLIN_TIMEOUT_US 1000000	/* the CPU must reach C within 1 s */

unsigned long smpboot_cr3, smpboot_stack;
int smpboot_cpu;
static int cpu_callin = -1;		/* the last CPU that reached start_secondary */

BUILD_BUG_ON(TRAMPOLINE_PA & (PAGE_SIZE - 1));
BUILD_BUG_ON(TRAMPOLINE_PA >= 0x100000);	/* the SIPI vector is 8 bits of page */

static void udelay(unsigned long us)
{
	u64 end = arch_clock_ns() + us * 1000;

	while (arch_clock_ns() < end)
		arch_cpu_relax();
}

/*
 * Copy the trampoline to TRAMPOLINE_PA (RAM on every PC, inside the direct
 * map) and report the CPUs acpi_init() found.
 */
int arch_smp_prepare(void)
{
	size_t len = trampoline_end - trampoline_start;

	BUG_ON(len > PAGE_SIZE);
	memcpy(__va(TRAMPOLINE_PA), trampoline_start, len);
	return x86_platform.nr_cpus;
}

/*
 * Runs on the boot CPU, one CPU at a time (smpboot_* are shared): point the
 * trampoline at idle's stack, send INIT then two STARTUPs, and wait until
 * the CPU reaches start_secondary(). Returns -EIO if it does not.
 */
int arch_boot_secondary(int cpu, struct task_struct *idle)
{
	u32 apic_id = x86_platform.apic_id[cpu];
	u64 deadline;
	int i;

	if (cpu <= 0 || cpu >= x86_platform.nr_cpus)
		return -EINVAL;
	smpboot_cr3 = __pa(init_mm.pgd);
	smpboot_stack = (unsigned long)idle->stack + THREAD_SIZE;
	WRITE_ONCE(smpboot_cpu, cpu);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	if (!apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apic_id))
		goto no_delivery;
	udelay(INIT_ASSERT_US);
	if (!apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apic_id))
		goto no_delivery;
	for (i = 0; i < NR_STARTUP_IPIS; i++) {
		if (!apic_icr_write(APIC_DM_STARTUP | (TRAMPOLINE_PA >> PAGE_SHIFT), apic_id))
			goto no_delivery;
		udelay(STARTUP_DELAY_US);
		if (__atomic_load_n(&cpu_callin, __ATOMIC_ACQUIRE) == cpu)
			return 0;
	}
	deadline = arch_clock_ns() + CALLIN_TIMEOUT_US * 1000ULL;
	while (arch_clock_ns() < deadline) {
		if (__atomic_load_n(&cpu_callin, __ATOMIC_ACQUIRE) == cpu)
			return 0;
		arch_cpu_relax();
	}
	printk("smp: CPU %d (APIC id %u) did not start within %d ms\n", cpu, apic_id,
	       CALLIN_TIMEOUT_US / 1000);
	return -EIO;
no_delivery:
	printk("smp: CPU %d (APIC id %u): the local APIC did not send the IPI\n", cpu, apic_id);
	return -EIO;
}

/*
 * The secondary CPU, on idle's stack with init_mm's tables, interrupts
 * off: its own GDT and TSS, the shared IDT, this_cpu(), the same control
 * registers and MSRs as the boot CPU (setup.c), its local APIC and timer;
 * then the generic code takes it online.
 */
void __noreturn start_secondary(int cpu)
{
	gdt_init_cpu(cpu, smpboot_stack);
	idt_load();
	arch_cpu_set_percpu(&cpus[cpu]);
	fpu_init();
	cpu_features_init();
	syscall_init();
	lapic_enable();
	/* smpboot_* have been read: the boot CPU may start the next CPU. */
	__atomic_store_n(&cpu_callin, cpu, __ATOMIC_RELEASE);
	apic_timer_start();
	secondary_start_kernel();
}
