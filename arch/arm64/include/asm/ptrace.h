/*
 * struct pt_regs: the register frame the exception vectors (entry.S) push
 * on the kernel stack. The S_* offsets are what entry.S uses; traps.c
 * checks them against the C layout at compile time.
 *
 *   sp -> +0    x0  x1 ... x29        (S_X0, 8 bytes each)
 *         +240  x30 (lr)              (S_LR)
 *         +248  sp at the exception   (S_SP)
 *         +256  pc  (ELR_EL1)         (S_PC)
 *         +264  pstate (SPSR_EL1)     (S_PSTATE)
 *         +272  ESR_EL1               (S_ESR)
 *         +280  FAR_EL1               (S_FAR)
 *         +288  end                   (PT_REGS_SIZE, a multiple of 16)
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#define S_X0 0
#define S_LR 240
#define S_SP 248
#define S_PC 256
#define S_PSTATE 264
#define S_ESR 272
#define S_FAR 280
#define PT_REGS_SIZE 288

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct pt_regs {
	u64 regs[31];	/* x0 .. x30 */
	u64 sp;
	u64 pc;
	u64 pstate;
	u64 esr;
	u64 far;
};
#endif

#endif
