/*
 * arm64 task set-up: where the user frame lives, how a new kernel thread
 * or forked task is arranged to start (ret_from_fork in entry.S), the
 * register state exec gives a program, and the per-CPU base register.
 */
#include <kernel/arch.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>

/* switch.S addresses thread_struct through the task pointer and fixed offsets. */
BUILD_BUG_ON(offsetof(struct task_struct, thread) != 0);
BUILD_BUG_ON(offsetof(struct thread_struct, cpu_context) != THREAD_CPU_CONTEXT);
BUILD_BUG_ON(offsetof(struct thread_struct, tp_value) != THREAD_TP_VALUE);
BUILD_BUG_ON(offsetof(struct thread_struct, fpsimd) != THREAD_FPSIMD);
BUILD_BUG_ON(offsetof(struct user_fpsimd_state, fpsr) != FPSIMD_FPSR);
BUILD_BUG_ON(offsetof(struct user_fpsimd_state, fpcr) != FPSIMD_FPCR);
BUILD_BUG_ON(offsetof(struct cpu_context, pc) != 96);

/* entry.S: first pc of every new task. */
void ret_from_fork(void);

struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}

void arch_cpu_set_percpu(struct cpu *c)
{
	write_sysreg(c, tpidr_el1);
}

/*
 * A new task's first switch-in "returns" to ret_from_fork on an empty
 * stack just below its user frame; x19/x20 carry fn/arg (fn = NULL: fork).
 */
static void setup_first_switch(struct task_struct *t, int (*fn)(void *), void *arg)
{
	memset(&t->thread.cpu_context, 0, sizeof(t->thread.cpu_context));
	t->thread.cpu_context.x19 = (u64)(unsigned long)fn;
	t->thread.cpu_context.x20 = (u64)(unsigned long)arg;
	t->thread.cpu_context.sp = (u64)(unsigned long)task_pt_regs(t);
	t->thread.cpu_context.pc = (u64)(unsigned long)ret_from_fork;
}

void arch_setup_kthread(struct task_struct *t, int (*fn)(void *), void *arg)
{
	setup_first_switch(t, fn, arg);
	memset(task_pt_regs(t), 0, sizeof(struct pt_regs));
	memset(&t->thread.fpsimd, 0, sizeof(t->thread.fpsimd));
	t->thread.tp_value = 0;
}

/*
 * Called by current (the parent) in its fork/clone syscall: the live
 * FP/SIMD and TLS registers are current's user values, so they are read
 * from the CPU, not from current->thread (stale until the next switch).
 */
void arch_setup_fork(struct task_struct *child, unsigned long usp, bool set_tls,
		     unsigned long tls)
{
	struct pt_regs *regs = task_pt_regs(child);

	*regs = *task_pt_regs(current);
	regs->regs[0] = 0;		/* the child's fork() returns 0 */
	if (usp)
		regs->sp = usp;
	fpsimd_save_state(&child->thread.fpsimd);
	child->thread.tp_value = set_tls ? tls : read_sysreg(tpidr_el0);
	setup_first_switch(child, NULL, NULL);
}

/*
 * exec: a clean EL0 register state for current. The FP/SIMD and TLS
 * registers are reset on the CPU (they are current's live state) and in
 * the saved copy.
 */
void arch_start_user(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->pc = pc;
	regs->sp = sp;
	regs->pstate = PSR_MODE_EL0t;	/* EL0, AArch64, DAIF all unmasked */
	memset(&current->thread.fpsimd, 0, sizeof(current->thread.fpsimd));
	fpsimd_load_state(&current->thread.fpsimd);
	current->thread.tp_value = 0;
	write_sysreg(0, tpidr_el0);
	write_sysreg(0, tpidrro_el0);
}
