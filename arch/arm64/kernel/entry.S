/*
 * arm64 exception vectors (VBAR_EL1). Sixteen 128-byte slots: four kinds
 * of exception (synchronous, IRQ, FIQ, SError) from four origins:
 *
 *   +0x000  current EL, SP_EL0    never used (the kernel runs on SP_EL1)
 *   +0x200  current EL, SP_EL1    the kernel: sync and IRQ are handled
 *   +0x400  lower EL, AArch64     user space (none yet)
 *   +0x600  lower EL, AArch32     never supported
 *
 * Each handled kind saves a struct pt_regs (<asm/ptrace.h>) on the kernel
 * stack, calls its C handler with it and restores it; everything else goes
 * to bad_mode(), which does not return.
 */
#include <asm/assembler.h>
#include <asm/ptrace.h>

/* Reasons passed to bad_mode(), indices into its name table (traps.c). */
#define BAD_SYNC 0
#define BAD_IRQ 1
#define BAD_FIQ 2
#define BAD_SERROR 3
#define BAD_FROM_EL1T (0 << 2)
#define BAD_FROM_EL1H (1 << 2)
#define BAD_FROM_EL0_64 (2 << 2)
#define BAD_FROM_EL0_32 (3 << 2)

/* Push a struct pt_regs for an exception taken from EL1. */
	.macro	kernel_entry
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
	add	x21, sp, #PT_REGS_SIZE		// sp before the exception
	stp	x30, x21, [sp, #S_LR]
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	x22, x23, [sp, #S_PC]
	mrs	x24, esr_el1
	mrs	x25, far_el1
	stp	x24, x25, [sp, #S_ESR]
	.endm

/* Pop the struct pt_regs (the handler may have changed pc/pstate) and return. */
	.macro	kernel_exit
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
	.macro	inv_entry, reason
	kernel_entry
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

	ventry	el0_sync_invalid
	ventry	el0_irq_invalid
	ventry	el0_fiq_invalid
	ventry	el0_error_invalid

	ventry	el0_32_sync_invalid
	ventry	el0_32_irq_invalid
	ventry	el0_32_fiq_invalid
	ventry	el0_32_error_invalid

el1h_sync:
	kernel_entry
	mov	x0, sp
	bl	el1_sync_handler
	kernel_exit

el1h_irq:
	kernel_entry
	mov	x0, sp
	bl	handle_arch_irq
	kernel_exit

el1t_sync_invalid:	inv_entry BAD_FROM_EL1T | BAD_SYNC
el1t_irq_invalid:	inv_entry BAD_FROM_EL1T | BAD_IRQ
el1t_fiq_invalid:	inv_entry BAD_FROM_EL1T | BAD_FIQ
el1t_error_invalid:	inv_entry BAD_FROM_EL1T | BAD_SERROR
el1h_fiq_invalid:	inv_entry BAD_FROM_EL1H | BAD_FIQ
el1h_error_invalid:	inv_entry BAD_FROM_EL1H | BAD_SERROR
el0_sync_invalid:	inv_entry BAD_FROM_EL0_64 | BAD_SYNC
el0_irq_invalid:	inv_entry BAD_FROM_EL0_64 | BAD_IRQ
el0_fiq_invalid:	inv_entry BAD_FROM_EL0_64 | BAD_FIQ
el0_error_invalid:	inv_entry BAD_FROM_EL0_64 | BAD_SERROR
el0_32_sync_invalid:	inv_entry BAD_FROM_EL0_32 | BAD_SYNC
el0_32_irq_invalid:	inv_entry BAD_FROM_EL0_32 | BAD_IRQ
el0_32_fiq_invalid:	inv_entry BAD_FROM_EL0_32 | BAD_FIQ
el0_32_error_invalid:	inv_entry BAD_FROM_EL0_32 | BAD_SERROR

	.section .note.GNU-stack, "", %progbits
