/*
 * x87 and SSE for user mode: the control-register bits that let user code
 * use them, and the state a new process starts with. Saving and restoring
 * happen at context switch (process.c) through asm/fpu.h.
 */
#include <kernel/string.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>

#define FPU_DEFAULT_CWD 0x037f		/* all x87 exceptions masked, 64-bit precision */
#define FPU_DEFAULT_MXCSR 0x1f80	/* all SSE exceptions masked, round to nearest */

void fpu_init(void)
{
	unsigned long cr0 = read_cr0();

	/* EM off (FP exists), TS off (eager switching: no #NM), MP and NE on. */
	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit" ::: "memory");
}

void fpu_init_state(struct fxregs_state *s)
{
	memset(s, 0, sizeof(*s));
	s->cwd = FPU_DEFAULT_CWD;
	s->mxcsr = FPU_DEFAULT_MXCSR;
}
