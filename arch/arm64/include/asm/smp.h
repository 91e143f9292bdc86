/*
 * arm64 secondary-CPU bring-up (arch/arm64/kernel/smp.c, smp_head.S): the
 * record the boot CPU fills for the CPU it starts, and the per-CPU set-up
 * hooks the other arm64 files provide to a starting CPU.
 *
 *   boot CPU: arch_boot_secondary(cpu, idle)
 *     fill secondary_data, clean it to the point of coherency,
 *     PSCI CPU_ON(mpidr, __pa(secondary_entry)) or spin-table release,
 *     wait (5 s) until the CPU has taken its data
 *   new CPU: secondary_entry (physical, MMU off, EL2 or EL1)
 *     el2_to_el1, MMU registers, TTBR0 = bring-up identity map,
 *     TTBR1 = init_mm's tables, MMU on, jump to the link address,
 *     stack, FP, vectors -> arm64_secondary_start(cpu)
 *       TTBR0 = empty table, TPIDR_EL1, PAN, GIC CPU interface, timer
 *       -> secondary_start_kernel()
 */
#ifndef ASM_SMP_H
#define ASM_SMP_H

/* Offsets into struct secondary_data for smp_head.S. */
#define SECONDARY_DATA_TTBR0 0
#define SECONDARY_DATA_TTBR1 8
#define SECONDARY_DATA_STACK 16
#define SECONDARY_DATA_CPU 24

#ifndef __ASSEMBLY__
#include <kernel/compiler.h>

struct cpu;

/*
 * Read by the starting CPU: ttbr0/ttbr1 with the MMU off (so the boot CPU
 * cleans the record to the point of coherency), the rest after.
 */
struct secondary_data {
	u64 ttbr0;		/* physical: bring-up identity map */
	u64 ttbr1;		/* physical: init_mm's tables */
	u64 stack;		/* initial sp: the idle task's stack */
	struct cpu *cpu;	/* this CPU's struct cpu (TPIDR_EL1) */
};

/* How a CPU is started (cpu_ops.c). */
enum enable_method {
	ENABLE_NONE,
	ENABLE_PSCI,
	ENABLE_SPIN_TABLE,
};

struct cpu_boot {
	u64 mpidr;			/* the CPU node's "reg": its MPIDR affinity */
	enum enable_method method;
	phys_addr_t release_addr;	/* spin-table: the slot it polls */
};

/*
 * Fill b from a /cpus child (cpus_node: /cpus). The CPU's own
 * "enable-method" wins over that of /cpus; "spin-table" without a 64-bit
 * "cpu-release-addr" and an unknown method are ENABLE_NONE. Returns false
 * if the node has no "reg". Pure device-tree parsing (host-tested).
 */
bool of_cpu_boot(const void *fdt, int node, int cpus_node, struct cpu_boot *b);

/* kernel.ld: code run at its physical address (secondary_entry among it). */
extern char __idmap_text_start[], __idmap_text_end[];
/* smp_head.S: the physical entry point given to PSCI / the spin table. */
void secondary_entry(void);
/* smp.c: C entry of a secondary, MMU on, on its idle stack. */
void __noreturn arm64_secondary_start(struct cpu *c, u32 el);
/* smp.c: CPUs arch_smp_prepare() found that can be started (1 before). */
extern int arm64_nr_cpus;

/* Per-CPU set-up for a starting CPU, and the helpers it needs. */
void arch_timer_init_cpu(void);		/* time.c: start this CPU's timer */
u64 arch_timer_ticks(int cpu);		/* time.c: timer interrupts taken by cpu */
bool cpu_enable_pan(void);		/* setup.c: PAN on this CPU, if present */
void cpu_uninstall_idmap(void);		/* mm/mmu.c: TTBR0 = empty table, local TLB flush */
/* mm/cache.c: clean and invalidate [start, end) to the point of coherency. */
void dcache_clean_inval_poc(unsigned long start, unsigned long end);

#endif
#endif
