/*
 * struct pt_regs: the register frame entry.S and entry_64.S build on the
 * stack for every exception, interrupt and system call, lowest address
 * first. The top five words are what the CPU pushes on an interrupt (the
 * syscall entry pushes the same five itself); the entry code pushes the
 * rest in the reverse order. A task's user frame sits at the top of its
 * kernel stack (task_pt_regs()).
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

/* vector of a system-call frame: no interrupt vector has this value. */
#define PT_REGS_SYSCALL_VECTOR -1

/* Byte offsets in struct pt_regs, for assembly. */
#define PT_REGS_RIP (17 * 8)
#define PT_REGS_CS (18 * 8)
#define PT_REGS_RSP (20 * 8)
#define PT_REGS_SIZE (22 * 8)

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct pt_regs {
	/* pushed by the common entry code */
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	/* pushed by the per-vector stub or the syscall entry */
	unsigned long vector;		/* PT_REGS_SYSCALL_VECTOR for a syscall */
	union {
		unsigned long error_code;	/* exceptions: by the CPU, or 0 */
		unsigned long orig_ax;		/* system calls: the number */
	};
	/* pushed by the CPU (or the syscall entry) */
	unsigned long rip, cs, rflags, rsp, ss;
};
#endif

#endif
