/*
 * The context switch (<kernel/arch.h>):
 *
 *   struct task_struct *arch_switch_to(prev = x0, next = x1)
 *
 * Saves prev's callee-saved registers x19-x29, sp and lr (the pc it
 * resumes at), its TLS register TPIDR_EL0 and its FP/SIMD registers into
 * prev->thread, loads next's, and "returns" into next with x0 = prev still.
 * A new task's saved pc is ret_from_fork (entry.S). struct thread_struct
 * is the first member of struct task_struct (process.c checks), so the
 * THREAD_* offsets of <asm/thread.h> apply to the task pointer directly.
 * Called with IRQs masked.
 */
#include <asm/fpsimdmacros.h>
#include <asm/thread.h>

	.text
	.globl	arch_switch_to
arch_switch_to:
	add	x8, x0, #THREAD_CPU_CONTEXT
	mov	x9, sp
	stp	x19, x20, [x8], #16
	stp	x21, x22, [x8], #16
	stp	x23, x24, [x8], #16
	stp	x25, x26, [x8], #16
	stp	x27, x28, [x8], #16
	stp	x29, x9, [x8], #16
	str	lr, [x8]
	mrs	x9, tpidr_el0
	str	x9, [x0, #THREAD_TP_VALUE]
	add	x8, x0, #THREAD_FPSIMD
	fpsimd_save x8, 9

	add	x8, x1, #THREAD_FPSIMD
	fpsimd_restore x8, 9
	ldr	x9, [x1, #THREAD_TP_VALUE]
	msr	tpidr_el0, x9
	add	x8, x1, #THREAD_CPU_CONTEXT
	ldp	x19, x20, [x8], #16
	ldp	x21, x22, [x8], #16
	ldp	x23, x24, [x8], #16
	ldp	x25, x26, [x8], #16
	ldp	x27, x28, [x8], #16
	ldp	x29, x9, [x8], #16
	ldr	lr, [x8]
	mov	sp, x9
	ret

	.section .note.GNU-stack, "", %progbits
