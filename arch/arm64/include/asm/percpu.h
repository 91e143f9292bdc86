/*
 * arm64 per-CPU base: TPIDR_EL1 holds this CPU's struct cpu. User space
 * can neither read nor write it, so no swap is needed on kernel entry.
 * arch_cpu_set_percpu() (kernel/process.c) writes it once per CPU; head.S
 * clears it, so a this_cpu() before that is NULL.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include <asm/sysreg.h>

struct cpu;

static inline struct cpu *this_cpu(void)
{
	return (struct cpu *)read_sysreg(tpidr_el1);
}

#endif
