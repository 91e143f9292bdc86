/*
 * Exception and interrupt entry: one 16-byte stub per vector (0-255) that
 * makes the stack look the same for all of them, and the common code that
 * saves the remaining registers as a struct pt_regs (asm/ptrace.h), calls
 * do_interrupt(regs) and returns with iretq.
 *
 * Stack at do_interrupt(), lowest address first:
 *
 *   r15 ... rdi | vector | error code | rip cs rflags rsp ss
 *   (entry_common) (stub) (CPU or stub)  (CPU)
 *
 * The CPU aligns the stack to 16 bytes before pushing its frame, so after
 * the 22 words above the call is made with a 16-byte aligned stack.
 */
#include <asm/irq_vectors.h>

/* Vectors for which the CPU pushes an error code. */
#define ERROR_CODE_VECTORS ((1 << 8) | (1 << 10) | (1 << 11) | (1 << 12) | \
			    (1 << 13) | (1 << 14) | (1 << 17) | (1 << 21) | \
			    (1 << 29) | (1 << 30))
#define STUB_SIZE 16

	.text
entry_common:
	cld
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %rcx
	pushq %rax
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	call do_interrupt
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rax
	popq %rcx
	popq %rdx
	popq %rsi
	popq %rdi
	addq $16, %rsp			/* vector and error code */
	iretq

/* irq_entry_stubs + vector * STUB_SIZE is the entry point of vector. */
	.balign STUB_SIZE
	.globl irq_entry_stubs
irq_entry_stubs:
	.set vector, 0
	.rept NR_VECTORS
	.balign STUB_SIZE
	.if vector >= 32
	pushq $0			/* no error code from the CPU */
	.elseif ((ERROR_CODE_VECTORS >> vector) & 1) == 0
	pushq $0
	.endif
	pushq $vector
	jmp entry_common
	.set vector, vector + 1
	.endr

	.section .note.GNU-stack, "", @progbits
