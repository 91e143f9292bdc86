/*
 * arm64 exception vectors (VBAR_EL1) and the ways back to user mode.
 * Sixteen 128-byte slots: four kinds of exception (synchronous, IRQ, FIQ,
 * SError) from four origins:
 *
 *   +0x000  current EL, SP_EL0    never used (the kernel runs on SP_EL1)
 *   +0x200  current EL, SP_EL1    the kernel: sync and IRQ are handled
 *   +0x400  lower EL, AArch64     user space: sync and IRQ are handled
 *   +0x600  lower EL, AArch32     never supported
 *
 * Each handled kind saves a struct pt_regs (<asm/ptrace.h>) on the kernel
 * stack, calls its C handler with it and restores it; everything else goes
 * to bad_mode(), which does not return.
 *
 * From EL0 the kernel stack is empty: SP_EL1 is the top of the current
 * task's stack (every return to EL0 pops the frame completely), so the
 * frame lands at task_pt_regs(current). The user stack pointer SP_EL0 is
 * saved in pt_regs.sp and restored from it.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>

/* Reasons passed to bad_mode(), indices into its name table (traps.c). */
#define BAD_SYNC 0
#define BAD_IRQ 1
#define BAD_FIQ 2
#define BAD_SERROR 3
#define BAD_FROM_EL1T (0 << 2)
#define BAD_FROM_EL1H (1 << 2)
#define BAD_FROM_EL0_64 (2 << 2)
#define BAD_FROM_EL0_32 (3 << 2)

/* Push a struct pt_regs for an exception taken from EL\el (0 or 1). */
	.macro	kernel_entry, el
	sub	sp, sp, #PT_REGS_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	.if	\el == 0
	mrs	x21, sp_el0			// the user stack pointer
	.else
	add	x21, sp, #PT_REGS_SIZE		// sp before the exception
	.endif
	stp	x30, x21, [sp, #S_LR]
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #S_PC]
	mrs	x24, esr_el1
	mrs	x25, far_el1
	stp	x24, x25, [sp, #S_ESR]
	.endm

/*
 * Pop the struct pt_regs (the handler may have changed pc/pstate) and
 * return to EL\el; to EL0 also with the saved SP_EL0. IRQs must be masked.
 */
	.macro	kernel_exit, el
	.if	\el == 0
	ldr	x21, [sp, #S_SP]
	msr	sp_el0, x21
	.endif
	ldp	x22, x23, [sp, #S_PC]
	msr	elr_el1, x22
	msr	spsr_el1, x23
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #S_LR]
	add	sp, sp, #PT_REGS_SIZE
	eret
	.endm

	.macro	ventry, label
	.balign	128
	b	\label
	.endm

/* An exception we do not handle: save what we can and report it. */
	.macro	inv_entry, el, reason
	kernel_entry \el
	mov	x0, sp
	mov	x1, #(\reason)
	b	bad_mode
	.endm

	.text
	.balign	2048
	.globl	vectors
vectors:
	ventry	el1t_sync_invalid
	ventry	el1t_irq_invalid
	ventry	el1t_fiq_invalid
	ventry	el1t_error_invalid

	ventry	el1h_sync
	ventry	el1h_irq
	ventry	el1h_fiq_invalid
	ventry	el1h_error_invalid

	ventry	el0_sync
	ventry	el0_irq
	ventry	el0_fiq_invalid
	ventry	el0_error_invalid

	ventry	el0_32_sync_invalid
	ventry	el0_32_irq_invalid
	ventry	el0_32_fiq_invalid
	ventry	el0_32_error_invalid

el1h_sync:
	kernel_entry 1
	mov	x0, sp
	bl	el1_sync_handler
	kernel_exit 1

el1h_irq:
	kernel_entry 1
	mov	x0, sp
	bl	handle_arch_irq
	kernel_exit 1

/* The C handlers (traps.c) end with exit_to_user_mode(). */
el0_sync:
	kernel_entry 0
	mov	x0, sp
	bl	el0_sync_handler
	b	restore_user

el0_irq:
	kernel_entry 0
	mov	x0, sp
	bl	el0_irq_handler
	b	restore_user

/*
 * Return to EL0 from a new task or the first exec: sp = task_pt_regs.
 * exit_to_user_mode() runs with IRQs on (it may schedule or exit).
 */
ret_to_user:
	msr	daifclr, #DAIF_IRQ_IMM
	mov	x0, sp
	bl	exit_to_user_mode
restore_user:
	msr	daifset, #DAIF_IRQ_IMM		// no interrupt between here and eret
	kernel_exit 0

/*
 * Where a new task's first arch_switch_to() returns (process.c), with
 * x0 = the task switched away from, x19 = fn and x20 = arg for a kernel
 * thread, x19 = 0 for a forked user task (sp = its pt_regs).
 */
	.globl	ret_from_fork
ret_from_fork:
	bl	schedule_tail
	cbz	x19, ret_to_user
	mov	x0, x20
	blr	x19
	bl	do_exit				// with fn's return value; no return

/* void arch_return_to_user(struct pt_regs *regs): regs = task_pt_regs(current). */
	.globl	arch_return_to_user
arch_return_to_user:
	mov	sp, x0
	b	ret_to_user

el1t_sync_invalid:	inv_entry 1, BAD_FROM_EL1T | BAD_SYNC
el1t_irq_invalid:	inv_entry 1, BAD_FROM_EL1T | BAD_IRQ
el1t_fiq_invalid:	inv_entry 1, BAD_FROM_EL1T | BAD_FIQ
el1t_error_invalid:	inv_entry 1, BAD_FROM_EL1T | BAD_SERROR
el1h_fiq_invalid:	inv_entry 1, BAD_FROM_EL1H | BAD_FIQ
el1h_error_invalid:	inv_entry 1, BAD_FROM_EL1H | BAD_SERROR
el0_fiq_invalid:	inv_entry 0, BAD_FROM_EL0_64 | BAD_FIQ
el0_error_invalid:	inv_entry 0, BAD_FROM_EL0_64 | BAD_SERROR
el0_32_sync_invalid:	inv_entry 0, BAD_FROM_EL0_32 | BAD_SYNC
el0_32_irq_invalid:	inv_entry 0, BAD_FROM_EL0_32 | BAD_IRQ
el0_32_fiq_invalid:	inv_entry 0, BAD_FROM_EL0_32 | BAD_FIQ
el0_32_error_invalid:	inv_entry 0, BAD_FROM_EL0_32 | BAD_SERROR

	.section .note.GNU-stack, "", %progbits
