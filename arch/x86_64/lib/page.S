/*
 * Whole-page zeroing and copying for mm/ (<mm/arch.h>): clear_page(rdi =
 * page) and copy_page(rdi = to, rsi = from), both page-aligned kernel
 * addresses. 64 bytes per iteration with plain 8-byte moves. Under QEMU's
 * TCG this beats rep stosq / rep movsq, whose iterations each take a trip
 * through the translated-code loop: measured with b_anon (SMP=4, DEBUG=0),
 * COW of 64 MiB took 170-205 ms with rep movsq and 83-94 ms with this loop.
 */
	.text
	.globl	clear_page
clear_page:
	xorl	%eax, %eax
	leaq	4096(%rdi), %rcx
1:	movq	%rax, 0(%rdi)
	movq	%rax, 8(%rdi)
	movq	%rax, 16(%rdi)
	movq	%rax, 24(%rdi)
	movq	%rax, 32(%rdi)
	movq	%rax, 40(%rdi)
	movq	%rax, 48(%rdi)
	movq	%rax, 56(%rdi)
	addq	$64, %rdi
	cmpq	%rcx, %rdi
	jb	1b
	ret

	.globl	copy_page
copy_page:
	leaq	4096(%rdi), %rcx
1:	movq	0(%rsi), %rax
	movq	8(%rsi), %rdx
	movq	16(%rsi), %r8
	movq	24(%rsi), %r9
	movq	%rax, 0(%rdi)
	movq	%rdx, 8(%rdi)
	movq	%r8, 16(%rdi)
	movq	%r9, 24(%rdi)
	movq	32(%rsi), %rax
	movq	40(%rsi), %rdx
	movq	48(%rsi), %r8
	movq	56(%rsi), %r9
	movq	%rax, 32(%rdi)
	movq	%rdx, 40(%rdi)
	movq	%r8, 48(%rdi)
	movq	%r9, 56(%rdi)
	addq	$64, %rsi
	addq	$64, %rdi
	cmpq	%rcx, %rdi
	jb	1b
	ret

	.section .note.GNU-stack, "", @progbits
