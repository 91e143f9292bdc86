/*
 * Every way into the kernel and back out: one 16-byte stub per interrupt
 * or exception vector (0-255), the syscall entry point, and the common
 * exit to user mode. All of them build the same struct pt_regs
 * (asm/ptrace.h), so a task's user registers are always at the top of its
 * kernel stack.
 *
 * Stack at do_interrupt() / do_syscall(), lowest address first:
 *
 *   r15 ... rdi | vector | error code / nr | rip cs rflags rsp ss
 *   (PUSH_REGS)   (stub or syscall entry)    (CPU or syscall entry)
 *
 * The CPU aligns the stack to 16 bytes before pushing its frame, and a
 * task's stack top is 16-byte aligned, so after the 22 words above every
 * call is made with a 16-byte aligned stack.
 *
 * GS: in kernel mode the GS base points at this CPU's struct cpu
 * (asm/percpu.h); in user mode it is the user's. Every entry from user
 * mode starts with swapgs and every exit to it ends with one, so the
 * kernel never runs on a GS base the user chose.
 */
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

/* Vectors for which the CPU pushes an error code. */
#define ERROR_CODE_VECTORS ((1 << 8) | (1 << 10) | (1 << 11) | (1 << 12) | \
			    (1 << 13) | (1 << 14) | (1 << 17) | (1 << 21) | \
			    (1 << 29) | (1 << 30))
#define STUB_SIZE 16

/* Offset of the CS the CPU pushed, above the stub's vector and error code. */
#define STUB_FRAME_CS 24

.macro PUSH_REGS
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
.endm

/* Leaves %rsp at the vector field. */
.macro POP_REGS
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
.endm

	.text
entry_common:
	cld
	testb $3, STUB_FRAME_CS(%rsp)
	jz 1f
	swapgs				/* from user mode */
1:	PUSH_REGS
	movq %rsp, %rdi
	call do_interrupt
	testb $3, PT_REGS_CS(%rsp)
	jnz ret_to_user
	POP_REGS
	addq $16, %rsp			/* vector and error code */
	iretq

/*
 * Return to user mode with %rsp = the task's pt_regs: the generic work
 * (reschedule, signals; it enables interrupts), then restore and iretq.
 * Also the end of ret_from_fork and arch_return_to_user.
 */
	.globl ret_to_user
ret_to_user:
	movq %rsp, %rdi
	call exit_to_user_mode
	cli
restore_user_regs_and_iret:
	POP_REGS
	addq $16, %rsp
	swapgs
	iretq

/*
 * void arch_return_to_user(struct pt_regs *regs): leave the kernel for good
 * with regs == task_pt_regs(current); the kernel frames below are dropped.
 */
	.globl arch_return_to_user
arch_return_to_user:
	movq %rdi, %rsp
	jmp ret_to_user

/*
 * The syscall instruction (MSR_LSTAR, set up by syscall.c) arrives here
 * with interrupts, DF, TF and AC cleared (SFMASK), rcx = user rip,
 * r11 = user rflags, and still on the user stack. Switch to the task's
 * kernel stack, build a pt_regs as an interrupt would (vector
 * PT_REGS_SYSCALL_VECTOR, the number as orig_ax), and call do_syscall(),
 * which ends with exit_to_user_mode(). Return with sysretq when the frame
 * allows (syscall_can_sysret()), else with iretq.
 */
	.globl entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq %rsp, %gs:CPU_USER_SP_SCRATCH
	movq %gs:CPU_KERNEL_SP, %rsp
	pushq $__USER_DS			/* ss */
	pushq %gs:CPU_USER_SP_SCRATCH		/* rsp */
	pushq %r11				/* rflags */
	pushq $__USER_CS			/* cs */
	pushq %rcx				/* rip */
	pushq %rax				/* orig_ax: the number */
	pushq $PT_REGS_SYSCALL_VECTOR
	PUSH_REGS
	movq %rsp, %rdi
	sti
	call do_syscall
	cli
	movq %rsp, %rdi
	call syscall_can_sysret
	testb %al, %al
	jz restore_user_regs_and_iret
	POP_REGS			/* rcx = rip, r11 = rflags: checked */
	movq (PT_REGS_RSP - 15 * 8)(%rsp), %rsp
	swapgs
	sysretq

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
