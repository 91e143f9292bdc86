/*
 * x87/SSE state for user mode (kernel/fpu.c). The kernel itself is built
 * without FP and never touches these registers, so they always hold the
 * current task's user state; it is saved and restored eagerly at every
 * context switch with fxsave64/fxrstor64.
 */
#ifndef ASM_FPU_H
#define ASM_FPU_H

#include <asm/thread.h>

/* Enable x87 and SSE for user mode on this CPU (CR0, CR4); once per CPU. */
void fpu_init(void);

/* Fill s with the state of a fresh process: FCW 0x37f, MXCSR 0x1f80, all
 * registers zero. */
void fpu_init_state(struct fxregs_state *s);

static inline void fpu_save(struct fxregs_state *s)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fxregs_state *s)
{
	__asm__ __volatile__("fxrstor64 %0" ::"m"(*s));
}

#endif
