/*
 * this_cpu() on x86-64: the GS base of kernel mode points at this CPU's
 * struct cpu, whose first field points at itself, so one %gs-relative load
 * finds it. In user mode GS holds the user's base; every entry from user
 * mode and every exit to it executes swapgs, which exchanges GS base with
 * MSR_KERNEL_GS_BASE (entry.S, entry_64.S).
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

/* Offsets in struct cpu (include/kernel/cpu.h) used by entry_64.S. */
#define CPU_KERNEL_SP 40
#define CPU_USER_SP_SCRATCH 48

#ifndef __ASSEMBLY__
struct cpu;

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;

	__asm__ __volatile__("movq %%gs:0, %0" : "=r"(c));
	return c;
}
#endif

#endif
