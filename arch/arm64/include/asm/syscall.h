/*
 * arm64 system-call register conventions (svc #0): number in x8,
 * arguments in x0-x5, result (or -errno) back in x0. The EL0 vectors save
 * the user stack pointer SP_EL0 into pt_regs.sp and restore it from there.
 * do_syscall() reads every argument before it stores the result, so the
 * overwritten x0 needs no orig_x0 copy (there is no syscall restart).
 */
#ifndef ASM_SYSCALL_H
#define ASM_SYSCALL_H

#include <asm/ptrace.h>
#include <asm/sysreg.h>

static inline long syscall_get_nr(const struct pt_regs *regs)
{
	return (long)regs->regs[8];
}

static inline unsigned long syscall_get_arg(const struct pt_regs *regs, int i)
{
	return regs->regs[i];
}

static inline void syscall_set_return(struct pt_regs *regs, long ret)
{
	regs->regs[0] = (u64)ret;
}

/* Interrupted or trapped in EL0 (SPSR.M == EL0t; AArch32 never runs). */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->pstate & PSR_MODE_MASK) == PSR_MODE_EL0t;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->pc;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->sp;
}

#endif
