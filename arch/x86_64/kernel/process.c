/*
 * Tasks on x86-64: where a task's user registers live, how a new task's
 * kernel stack is prepared so that its first switch-in lands in
 * ret_from_fork (switch_to.S), the register half of exec, the C half of a
 * context switch (FP state, FS base, the stack the CPU enters the kernel
 * on), per-CPU set-up and arch_prctl.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/percpu.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

BUILD_BUG_ON(offsetof(struct task_struct, thread.sp) != THREAD_SP);
BUILD_BUG_ON(offsetof(struct cpu, self) != 0);
BUILD_BUG_ON(offsetof(struct cpu, kernel_sp) != CPU_KERNEL_SP);
BUILD_BUG_ON(offsetof(struct cpu, user_sp_scratch) != CPU_USER_SP_SCRATCH);
BUILD_BUG_ON(sizeof(struct pt_regs) != PT_REGS_SIZE);
BUILD_BUG_ON(offsetof(struct pt_regs, cs) != PT_REGS_CS);
BUILD_BUG_ON(offsetof(struct pt_regs, rsp) != PT_REGS_RSP);
BUILD_BUG_ON(sizeof(struct fxregs_state) != 512);

/* What __switch_to_asm pops when it switches to a task (switch_to.S). */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret_addr;
};

extern char ret_from_fork[];
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

void arch_cpu_set_percpu(struct cpu *c)
{
	wrmsr(MSR_GS_BASE, (unsigned long)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);	/* the user's GS base, until swapgs */
}

/* Make t's first switch-in run ret_from_fork with rbx = fn, r12 = arg. */
static void setup_switch_frame(struct task_struct *t, unsigned long fn, unsigned long arg)
{
	struct inactive_task_frame *f = (struct inactive_task_frame *)task_pt_regs(t) - 1;

	memset(f, 0, sizeof(*f));
	f->rbx = fn;
	f->r12 = arg;
	f->ret_addr = (unsigned long)ret_from_fork;
	t->thread.sp = (unsigned long)f;
}

void arch_setup_kthread(struct task_struct *t, int (*fn)(void *), void *arg)
{
	memset(task_pt_regs(t), 0, sizeof(struct pt_regs));
	t->thread.fsbase = 0;
	fpu_init_state(&t->thread.fpu);
	setup_switch_frame(t, (unsigned long)fn, (unsigned long)arg);
}

/*
 * Runs in current's fork/clone system call: current's user registers are
 * its pt_regs, and its user FP state is live in the registers. tls must be
 * a user address (the caller returns -EPERM otherwise, as Linux does); a
 * bad one is ignored here so that the switch never loads a non-canonical
 * FS base.
 */
void arch_setup_fork(struct task_struct *child, unsigned long usp, bool set_tls,
		     unsigned long tls)
{
	struct pt_regs *regs = task_pt_regs(child);

	*regs = *task_pt_regs(current);
	regs->rax = 0;
	if (usp)
		regs->rsp = usp;
	child->thread.fsbase = current->thread.fsbase;
	if (set_tls && tls < USER_VA_END)
		child->thread.fsbase = tls;
	fpu_save(&child->thread.fpu);
	setup_switch_frame(child, 0, 0);
}

/* exec, on current: fresh registers, FP state and TLS. */
void arch_start_user(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	struct task_struct *t = current;

	memset(regs, 0, sizeof(*regs));
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rip = pc;
	regs->rsp = sp;
	regs->rflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	t->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_init_state(&t->thread.fpu);
	fpu_restore(&t->thread.fpu);
}

/*
 * Interrupts off. The kernel never uses FP or FS, so the user halves of
 * both tasks can be exchanged before the stacks are.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	fpu_save(&prev->thread.fpu);
	fpu_restore(&next->thread.fpu);
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	if (next->stack) {
		/* Where the CPU enters the kernel from next's user mode:
		 * interrupts through this CPU's TSS.rsp0, syscall through
		 * kernel_sp. */
		unsigned long top = (unsigned long)next->stack + THREAD_SIZE;
		struct cpu *c = this_cpu();

		cpu_tss[c->id].rsp[0] = top;
		c->kernel_sp = top;
	}
	return __switch_to_asm(prev, next);
}

/* Only the FS base (user TLS) is supported (ARCH_SET_GS/GET_GS: -EINVAL);
 * addr must be a user address. */
long sys_arch_prctl(int code, unsigned long addr)
{
	struct task_struct *t = current;

	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_VA_END)
			return -EPERM;
		t->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return put_user(t->thread.fsbase, (unsigned long __user *)addr);
	default:
		return -EINVAL;
	}
}
