/*
 * Per-task architecture state (struct thread_struct, the first member of
 * struct task_struct) and the kernel stack size.
 *
 * A task's kernel stack, THREAD_SIZE bytes, naturally aligned:
 *
 *   stack + THREAD_SIZE  +------------------------+
 *                        | struct pt_regs         |  user registers
 *                        |                        |  (task_pt_regs())
 *                        +------------------------+
 *                        | kernel frames ...      |
 *   thread.sp ---------> | callee-saved registers |  while switched out
 *                        | return address         |  (switch_to.S)
 *   stack                +------------------------+
 */
#ifndef ASM_THREAD_H
#define ASM_THREAD_H

#define THREAD_SIZE 16384

#ifndef __ASSEMBLY__
#include <kernel/types.h>

/*
 * The legacy fxsave/fxrstor area (Intel SDM vol. 1, 10.5.1): x87 and SSE
 * state, 512 bytes, 16-byte aligned. Only the fields the kernel sets are
 * named.
 */
struct fxregs_state {
	u16 cwd;		/* x87 control word */
	u16 swd;		/* status word */
	u16 twd;		/* abridged tag word */
	u16 fop;
	u64 rip;
	u64 rdp;
	u32 mxcsr;		/* SSE control and status */
	u32 mxcsr_mask;
	u32 st_space[32];	/* 8 x87 registers, 16 bytes each */
	u32 xmm_space[64];	/* 16 XMM registers, 16 bytes each */
	u32 padding[24];
} __attribute__((aligned(16)));

struct thread_struct {
	unsigned long sp;		/* kernel rsp while switched out */
	unsigned long fsbase;		/* user TLS base (MSR_FS_BASE) */
	struct fxregs_state fpu;	/* user FP/SSE registers while switched out */
};

#endif /* !__ASSEMBLY__ */

/* Offsets for assembly (checked against the struct in process.c). */
#define THREAD_SP 0

#endif
