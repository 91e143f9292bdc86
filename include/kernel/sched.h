/*
 * Tasks and the scheduler (kernel/sched.c, kernel/fork.c, kernel/exit.c).
 *
 * A task is a thread of control with its own kernel stack (THREAD_SIZE,
 * struct pt_regs of the user context at the top) and, for user tasks, an
 * address space (mm). Scheduling is round robin with a time slice of a
 * few ticks; user mode is preempted on the timer, the kernel only at
 * schedule() / cond_resched() and on return to user mode.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <kernel/cpu.h>
#include <kernel/list.h>
#include <kernel/signal.h>
#include <kernel/wait.h>
#include <asm/thread.h>		/* struct thread_struct, THREAD_SIZE */

enum task_state {
	TASK_RUNNING,
	TASK_INTERRUPTIBLE,	/* sleeping; signals wake it */
	TASK_UNINTERRUPTIBLE,	/* sleeping; only wake_up() wakes it */
	TASK_ZOMBIE,		/* exited, waiting for the parent's wait4 */
	TASK_DEAD,		/* reaped; freed by the next schedule */
};

#define PF_KTHREAD 0x1		/* kernel thread: no user mode */
#define PF_EXITING 0x2

struct mm_struct;
struct files_struct;

struct task_struct {
	struct thread_struct thread;	/* arch: saved context, FP, TLS */
	volatile int state;		/* enum task_state */
	unsigned int flags;		/* PF_* */
	int pid;
	int tgid;			/* = pid of the group leader */
	char comm[16];
	void *stack;			/* kernel stack, THREAD_SIZE bytes */
	int cpu;			/* CPU it runs or last ran on */
	bool on_rq;			/* queued on the run queue */
	bool on_cpu;			/* running, or not yet switched out */
	struct list_head run_list;
	int time_slice;			/* ticks left */

	struct mm_struct *mm;		/* NULL for kernel threads */
	struct mm_struct *active_mm;	/* tables in use (kernel threads borrow) */
	struct files_struct *files;
	struct signal_state sig;

	struct task_struct *parent;
	struct list_head children;	/* tasks whose parent this is */
	struct list_head sibling;	/* in parent->children */
	struct list_head tasks;		/* in the global task list */
	int exit_code;			/* wait4 status once a zombie */
	struct wait_queue_head child_wait; /* wait4 sleeps here */

	u64 utime, stime;		/* ticks in user / kernel mode */
	u64 start_time;			/* jiffies at creation */
	unsigned long clear_child_tid;	/* user address (set_tid_address) */

	/* Thread groups (CLONE_THREAD), under tasklist_lock. */
	unsigned long set_child_tid;	/* CLONE_CHILD_SETTID: written on first run */
	int exit_signal;		/* sent to the parent at exit (not threads) */
	struct task_struct *group_leader; /* the thread whose pid is tgid */
	struct list_head thread_node;	/* in group_leader->thread_head while alive */
	/* Leader only: every live thread of the group, and the group's exit. */
	struct list_head thread_head;
	bool group_exiting;		/* exit_group / fatal signal: all threads die */
	int group_exit_code;		/* wait4 status once group_exiting */
};

extern struct list_head task_list;	/* every task, under tasklist_lock */
extern spinlock_t tasklist_lock;

void sched_init(void);		/* turn the boot context into CPU 0's idle task */
void schedule(void);
void cond_resched(void);	/* schedule() if the tick asked for it */
void wake_up_process(struct task_struct *t);
/* A signal is pending for t: wake it if it sleeps interruptibly. */
void signal_wake_up(struct task_struct *t);
void scheduler_tick(void);	/* from timer_tick on each CPU */
/* Called by a new task on its first run, with prev the task switched from. */
void schedule_tail(struct task_struct *prev);

/* Create a kernel thread running fn(arg); it starts runnable. */
struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name);
struct task_struct *find_task_by_pid(int pid);	/* under tasklist_lock */
/* Sleep for ticks timer ticks (or until a signal); returns ticks left. */
long schedule_timeout(long ticks);
/* Same, but the caller has set current->state (and re-checks its
 * condition after), so a wake-up before the call is not lost. */
long __schedule_timeout(long ticks);
/* The boot CPU's loop once the first task runs. */
void __noreturn cpu_idle(void);

/* For kernel/fork.c and kernel/exit.c: task life cycle. */
/* Zeroed, with a stack, TASK_UNINTERRUPTIBLE until wake_up_process(). */
struct task_struct *alloc_task(const char *name);
void free_task(struct task_struct *t);
void publish_task(struct task_struct *t);	/* pid + global task list */
/* The same with tasklist_lock held (fork links the thread group with it). */
void __publish_task(struct task_struct *t);

/* Leave for good: release mm and files, become a zombie, wake the parent. */
void __noreturn do_exit(int status);
/* The whole thread group of the current task exits with status. */
void __noreturn do_group_exit(int status);
/*
 * Make every thread of leader's group but the caller exit with status
 * (SIGKILL to each); the first call decides the group's status, later
 * ones change nothing. tasklist_lock held.
 */
void zap_other_threads(struct task_struct *leader, int status);
/*
 * exec from a thread group: kill the other threads and wait until they
 * are gone; a non-leader caller then takes over the leader's pid. 0 or
 * -EINTR (a fatal signal arrived first: the caller must not exec).
 */
int de_thread(void);

/*
 * Run the first user program: exec path in the current kernel thread and
 * return to user mode. Returns only on failure (negative errno).
 */
int kernel_execve(const char *path, const char *const argv[], const char *const envp[]);

/*
 * Generic work before any return to user mode (from a syscall, interrupt
 * or exception): reschedule if asked, deliver pending signals.
 */
void exit_to_user_mode(struct pt_regs *regs);

/* The syscall dispatcher the arch entry code calls (kernel/syscall.c). */
void do_syscall(struct pt_regs *regs);

#endif
