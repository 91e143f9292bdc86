/*
 * Several CPUs (kernel/smp.c): bringing up the secondaries, CPU masks and
 * cross-CPU function calls over inter-processor interrupts.
 *
 * Boot: the boot CPU calls smp_init() once the scheduler and the memory
 * manager run. For each CPU the architecture found (arch_smp_prepare()),
 * smp_init() makes an idle task and calls arch_boot_secondary(), whose
 * entry code sets up the CPU's own state (per-CPU register, trap tables,
 * interrupt controller CPU interface, timer) on the idle task's stack and
 * calls secondary_start_kernel(), which marks the CPU online and idles.
 * this_cpu() must work before a secondary takes any spinlock (lock
 * debugging reads it).
 */
#ifndef KERNEL_SMP_H
#define KERNEL_SMP_H

#include <kernel/cpu.h>

typedef u64 cpumask_t;		/* bit n: CPU n (NR_CPUS <= 64) */
#define cpumask_of(cpu) (1ULL << (cpu))

extern cpumask_t cpu_online_mask;

enum ipi_type {
	IPI_RESCHEDULE,		/* run schedule() on return from the interrupt */
	IPI_CALL_FUNC,		/* run the queued smp_call_function work */
	NR_IPI_TYPES,
};

/* ---- implemented by each architecture ---- */
/* Find the CPUs (ACPI MADT / device tree); returns how many exist (<= NR_CPUS). */
int arch_smp_prepare(void);
/* Start CPU `cpu` running its idle task `idle` (stack: idle->stack); 0 or -errno. */
int arch_boot_secondary(int cpu, struct task_struct *idle);
/* Interrupt CPU `cpu`; its handler calls smp_handle_ipi(type). */
void arch_send_ipi(int cpu, enum ipi_type type);

/* ---- generic (kernel/smp.c) ---- */
void smp_init(void);
void __attribute__((noreturn)) secondary_start_kernel(void);
void smp_handle_ipi(enum ipi_type type);
/*
 * Run fn(info) on every online CPU in mask other than this one, and on
 * this one too if it is in mask; if wait, return after all have finished.
 * May be called with interrupts on, not from an interrupt handler.
 */
void smp_call_function_many(cpumask_t mask, void (*fn)(void *), void *info, bool wait);
/* Ask `cpu` to reschedule (an idle CPU leaves wfi/hlt). */
void smp_send_reschedule(int cpu);

#endif
