/*
 * The stack half of a context switch, and where new tasks start.
 *
 * A switched-out task's kernel stack ends with the frame below; its
 * thread.sp points at it. arch_setup_kthread()/arch_setup_fork()
 * (process.c) build one by hand for a new task, returning to
 * ret_from_fork with rbx = fn (0 for a fork child) and r12 = arg:
 *
 *   thread.sp -> r15 r14 r13 r12 rbx rbp | return address | pt_regs
 */
#include <asm/thread.h>

	.text
/*
 * struct task_struct *__switch_to_asm(prev, next): save prev's callee-saved
 * registers and stack pointer, load next's. Returns prev, on next's stack.
 * Interrupts off (schedule()).
 */
	.globl __switch_to_asm
__switch_to_asm:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, THREAD_SP(%rdi)
	movq THREAD_SP(%rsi), %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	movq %rdi, %rax
	ret

/*
 * First instruction of every new task, with %rax = the task switched from
 * and %rsp = task_pt_regs(current). A kernel thread runs fn(arg) and exits
 * with its return value; a fork child returns to user mode with the frame
 * copied from its parent.
 */
	.globl ret_from_fork
ret_from_fork:
	movq %rax, %rdi
	call schedule_tail		/* enables interrupts */
	testq %rbx, %rbx
	jz 1f
	movq %r12, %rdi
	call *%rbx
	movl %eax, %edi
	call do_exit
1:	jmp ret_to_user

	.section .note.GNU-stack, "", @progbits
