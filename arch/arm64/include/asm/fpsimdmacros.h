/*
 * Assembler macros that store / load the 32 FP/SIMD registers q0-q31 and
 * FPSR/FPCR to / from a struct user_fpsimd_state (<asm/thread.h>), used by
 * fpsimd.S and the context switch (switch.S). The kernel never uses these
 * registers itself (-mgeneral-regs-only); CPACR_EL1.FPEN (head.S) lets
 * both EL0 and EL1 touch them without trapping.
 */
#ifndef ASM_FPSIMDMACROS_H
#define ASM_FPSIMDMACROS_H

#ifdef __ASSEMBLY__
#include <asm/thread.h>

/* Store into the state at \base. Clobbers x\tmp (\tmp is a register number). */
	.macro	fpsimd_save, base, tmp
	stp	q0, q1, [\base, #16 * 0]
	stp	q2, q3, [\base, #16 * 2]
	stp	q4, q5, [\base, #16 * 4]
	stp	q6, q7, [\base, #16 * 6]
	stp	q8, q9, [\base, #16 * 8]
	stp	q10, q11, [\base, #16 * 10]
	stp	q12, q13, [\base, #16 * 12]
	stp	q14, q15, [\base, #16 * 14]
	stp	q16, q17, [\base, #16 * 16]
	stp	q18, q19, [\base, #16 * 18]
	stp	q20, q21, [\base, #16 * 20]
	stp	q22, q23, [\base, #16 * 22]
	stp	q24, q25, [\base, #16 * 24]
	stp	q26, q27, [\base, #16 * 26]
	stp	q28, q29, [\base, #16 * 28]
	stp	q30, q31, [\base, #16 * 30]
	mrs	x\tmp, fpsr
	str	w\tmp, [\base, #FPSIMD_FPSR]
	mrs	x\tmp, fpcr
	str	w\tmp, [\base, #FPSIMD_FPCR]
	.endm

/* Load from the state at \base. Clobbers x\tmp. */
	.macro	fpsimd_restore, base, tmp
	ldp	q0, q1, [\base, #16 * 0]
	ldp	q2, q3, [\base, #16 * 2]
	ldp	q4, q5, [\base, #16 * 4]
	ldp	q6, q7, [\base, #16 * 6]
	ldp	q8, q9, [\base, #16 * 8]
	ldp	q10, q11, [\base, #16 * 10]
	ldp	q12, q13, [\base, #16 * 12]
	ldp	q14, q15, [\base, #16 * 14]
	ldp	q16, q17, [\base, #16 * 16]
	ldp	q18, q19, [\base, #16 * 18]
	ldp	q20, q21, [\base, #16 * 20]
	ldp	q22, q23, [\base, #16 * 22]
	ldp	q24, q25, [\base, #16 * 24]
	ldp	q26, q27, [\base, #16 * 26]
	ldp	q28, q29, [\base, #16 * 28]
	ldp	q30, q31, [\base, #16 * 30]
	ldr	w\tmp, [\base, #FPSIMD_FPSR]
	msr	fpsr, x\tmp
	ldr	w\tmp, [\base, #FPSIMD_FPCR]
	msr	fpcr, x\tmp
	.endm

#endif
#endif
