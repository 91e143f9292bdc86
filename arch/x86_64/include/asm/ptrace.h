/*
 * struct pt_regs: the register frame entry.S builds on the stack for every
 * exception and interrupt, lowest address first. The top five words are
 * what the CPU pushes; entry.S pushes the rest in the reverse order.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#include <kernel/types.h>

struct pt_regs {
	/* pushed by entry.S common code */
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	/* pushed by the per-vector stub (error code: by the CPU or a 0) */
	unsigned long vector;
	unsigned long error_code;
	/* pushed by the CPU */
	unsigned long rip, cs, rflags, rsp, ss;
};

#endif
