/*
 * Per-CPU state. Each CPU finds its struct cpu through this_cpu(), which
 * the architecture implements with a register that only the kernel uses
 * (x86-64: the GS base, with swapgs on entry from user mode; arm64:
 * TPIDR_EL1). `current` is the task running on this CPU.
 */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H

#include <kernel/compiler.h>

#define NR_CPUS 8
#define LOCKDEP_MAX_HELD 16	/* nested spinlocks tracked per CPU */

struct task_struct;
struct spinlock;

struct cpu {
	struct cpu *self;		/* offset 0: x86 reads %gs:0 */
	int id;
	struct task_struct *curr;	/* the running task (`current`) */
	struct task_struct *idle;
	bool need_resched;		/* set by the tick, acted on at return to user */
	unsigned long kernel_sp;	/* x86: top of current's kernel stack (syscall entry) */
	unsigned long user_sp_scratch;	/* x86: user rsp saved by the syscall entry */
	/* Lock debugging (kernel/lockdep.c): the spinlocks this CPU holds,
	 * in the order taken. */
	int nr_held;
	const struct spinlock *held[LOCKDEP_MAX_HELD];
};

extern struct cpu cpus[NR_CPUS];
extern int nr_cpus_online;

#include <asm/percpu.h>		/* static inline struct cpu *this_cpu(void) */

#define current (this_cpu()->curr)

#endif
