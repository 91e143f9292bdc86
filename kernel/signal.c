/*
 * Signals, default actions only: a pending, unblocked signal whose action
 * is SIG_DFL terminates the process (SIGCHLD, SIGURG, SIGWINCH and SIGCONT
 * are ignored), SIG_IGN drops it. User handlers are not supported yet:
 * rt_sigaction refuses them with -EINVAL.
 *
 * Threads: each has its own pending and blocked sets; actions are the
 * group's (rt_sigaction sets them in every thread). kill() picks a thread
 * of the group that does not block the signal; a thread that takes a
 * terminating signal ends the whole group (do_group_exit). tkill/tgkill
 * aim at one thread.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <asm/syscall.h>

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define sigmask(sig) (1ULL << ((sig) - 1))
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

static const char *const signame[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGSEGV] = "SIGSEGV", [SIGPIPE] = "SIGPIPE", [SIGTERM] = "SIGTERM",
};

static bool ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

int send_signal(struct task_struct *t, int sig)
{
	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	if (sig != SIGKILL && t->sig.action[sig - 1] == SIG_IGN)
		return 0;
	if (sig != SIGKILL && t->sig.action[sig - 1] == SIG_DFL && ignored_by_default(sig))
		return 0;
	__atomic_fetch_or(&t->sig.pending, sigmask(sig), __ATOMIC_RELAXED);
	signal_wake_up(t);
	return 0;
}

bool signal_pending_current(void)
{
	struct task_struct *t = current;

	return t->sig.pending & ~(t->sig.blocked & ~UNBLOCKABLE);
}

void force_sig_fault(int sig, unsigned long addr, struct pt_regs *regs, const char *reason)
{
	struct task_struct *t = current;

	printk("%s[%d]: %s at 0x%lx, pc 0x%lx: %s\n", t->comm, t->pid,
	       sig < (int)ARRAY_SIZE(signame) && signame[sig] ? signame[sig] : "signal",
	       addr, instruction_pointer(regs), reason);
	/* The fault cannot be ignored or blocked: back to the default. */
	t->sig.action[sig - 1] = SIG_DFL;
	t->sig.blocked &= ~sigmask(sig);
	__atomic_fetch_or(&t->sig.pending, sigmask(sig), __ATOMIC_RELAXED);
}

void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	u64 deliverable = t->sig.pending & ~(t->sig.blocked & ~UNBLOCKABLE);
	int sig;

	(void)regs;
	while (deliverable) {
		sig = __builtin_ctzll(deliverable) + 1;
		deliverable &= ~sigmask(sig);
		__atomic_fetch_and(&t->sig.pending, ~sigmask(sig), __ATOMIC_RELAXED);
		if (t->sig.action[sig - 1] == SIG_IGN && sig != SIGKILL)
			continue;
		if (ignored_by_default(sig))
			continue;
		do_group_exit(sig);
	}
}

/*
 * A process-directed signal to leader's group: to the first thread that
 * does not block it, else left pending on the first thread. 0, or -ESRCH
 * if every thread has exited. tasklist_lock held.
 */
static int group_send_sig(struct task_struct *leader, int sig)
{
	struct task_struct *t;

	if (list_empty(&leader->thread_head))
		return -ESRCH;
	if (!sig)
		return 0;
	list_for_each_entry(t, &leader->thread_head, thread_node)
		if (sig == SIGKILL || !(t->sig.blocked & sigmask(sig)))
			return send_signal(t, sig);
	return send_signal(list_first_entry(&leader->thread_head, struct task_struct,
					    thread_node), sig);
}

long sys_kill(int pid, int sig)
{
	struct task_struct *t;
	unsigned long flags;
	int err = -ESRCH;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid == 0 || pid < -1)
		pid = current->tgid;	/* no process groups yet: the caller */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->flags & PF_KTHREAD || t->pid != t->tgid || list_empty(&t->thread_head))
			continue;
		if (pid == -1 ? (t->pid == 1 || t->tgid == current->tgid) : t->tgid != pid)
			continue;
		err = group_send_sig(t, sig);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* tkill/tgkill: sig to thread tid (of group tgid, if tgid > 0). */
static long do_tkill(int tgid, int tid, int sig)
{
	struct task_struct *t;
	unsigned long flags;
	long err = -ESRCH;

	if (tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	t = find_task_by_pid(tid);
	if (t && !(t->flags & PF_KTHREAD) && t->state < TASK_ZOMBIE &&
	    (tgid <= 0 || t->tgid == tgid))
		err = sig ? send_signal(t, sig) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

long sys_tkill(int tid, int sig)
{
	return do_tkill(0, tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, tid, sig);
}

/* struct sigaction as the kernel sees it on x86-64 and arm64. */
struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	u64 mask;
};

long sys_rt_sigaction(int sig, const void __user *act, void __user *oact, size_t sigsetsize)
{
	struct k_sigaction k = { 0, 0, 0, 0 };

	if (sigsetsize != sizeof(u64) || sig < 1 || sig > NSIG)
		return -EINVAL;
	if (act) {
		if (copy_from_user(&k, act, sizeof(k)))
			return -EFAULT;
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		if (k.handler != SIG_DFL && k.handler != SIG_IGN)
			return -EINVAL;	/* user handlers: not yet */
	}
	if (oact) {
		struct k_sigaction old = { current->sig.action[sig - 1], 0, 0, 0 };

		if (copy_to_user(oact, &old, sizeof(old)))
			return -EFAULT;
	}
	if (act) {
		struct task_struct *t;
		unsigned long flags;

		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(t, &current->group_leader->thread_head, thread_node) {
			t->sig.action[sig - 1] = k.handler;
			if (k.handler == SIG_IGN)
				__atomic_fetch_and(&t->sig.pending, ~sigmask(sig), __ATOMIC_RELAXED);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const void __user *set, void __user *oset, size_t sigsetsize)
{
	u64 mask, old = current->sig.blocked;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&mask, set, sizeof(mask)))
			return -EFAULT;
		if (how == SIG_BLOCK)
			current->sig.blocked |= mask;
		else if (how == SIG_UNBLOCK)
			current->sig.blocked &= ~mask;
		else if (how == SIG_SETMASK)
			current->sig.blocked = mask;
		else
			return -EINVAL;
		current->sig.blocked &= ~UNBLOCKABLE;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
