/*
 * arm64 process entry. The kernel's execve leaves sp -> argc, argv[],
 * NULL, envp[], NULL, auxv pairs (16-byte aligned); fp and lr are zeroed
 * to end frame chains and __libc_start gets the initial sp.
 */
	.text
	.globl _start
	.type _start, %function
_start:
	mov	x29, #0
	mov	x30, #0
	mov	x0, sp
	bl	__libc_start
	brk	#0
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
