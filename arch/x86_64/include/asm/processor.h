/*
 * Per-CPU set-up for user mode that arch_late_init() runs, and the hooks
 * between the entry code and C.
 */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <kernel/types.h>

struct pt_regs;

/* Turn on SMEP and SMAP when CPUID reports them (cpufeature.c); on every
 * CPU, after arch_cpu_set_percpu(). */
void cpu_features_init(void);

/* Program EFER.SCE, STAR, LSTAR and SFMASK for the syscall instruction
 * (syscall.c). */
void syscall_init(void);

/* Give every kernel PGD slot a PUD table before the first user address
 * space copies the kernel half (mm/pgtable_user.c). */
void kernel_pgd_prealloc(void);

/* Called by entry.S with interrupts off before returning from a system
 * call: may sysret restore regs, or must iretq (syscall.c)? */
bool syscall_can_sysret(const struct pt_regs *regs);

/* Page-fault exception, from traps.c (mm/fault.c). */
void do_page_fault(struct pt_regs *regs);

/* The 64-bit syscall entry point, loaded into MSR_LSTAR (entry.S). */
void entry_SYSCALL_64(void);

#endif
