/*
 * x86-64 process entry. The kernel's execve leaves sp -> argc, argv[],
 * NULL, envp[], NULL, auxv pairs (16-byte aligned); rbp is zeroed to end
 * frame-pointer chains and __libc_start gets the initial sp.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl	%ebp, %ebp
	movq	%rsp, %rdi
	andq	$-16, %rsp
	call	__libc_start
	hlt
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
