/*
 * Whole-page zeroing and copying for mm/ (<mm/arch.h>): clear_page(rdi =
 * page) and copy_page(rdi = to, rsi = from), both page-aligned kernel
 * addresses. rep stosq / rep movsq move 512 quadwords per page; QEMU and
 * modern CPUs run the string instructions far faster than a C loop.
 */
	.text
	.globl	clear_page
clear_page:
	xorl	%eax, %eax
	movl	$512, %ecx
	rep stosq
	ret

	.globl	copy_page
copy_page:
	movl	$512, %ecx
	rep movsq
	ret

	.section .note.GNU-stack, "", @progbits
