/*
 * System-call register conventions on x86-64 (Linux's): number in rax,
 * arguments in rdi rsi rdx r10 r8 r9, result in rax. The entry code keeps
 * the number in orig_ax too, because rax is overwritten by the result.
 */
#ifndef ASM_SYSCALL_H
#define ASM_SYSCALL_H

#include <asm/ptrace.h>
#include <asm/segment.h>

static inline unsigned long syscall_get_nr(const struct pt_regs *regs)
{
	return regs->orig_ax;
}

/* Argument i (0..5) of the system call in regs. */
static inline unsigned long syscall_get_arg(const struct pt_regs *regs, unsigned int i)
{
	switch (i) {
	case 0: return regs->rdi;
	case 1: return regs->rsi;
	case 2: return regs->rdx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
}

static inline void syscall_set_return(struct pt_regs *regs, long ret)
{
	regs->rax = (unsigned long)ret;
}

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == SEGMENT_RPL_USER;
}

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->rip;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->rsp;
}

#endif
