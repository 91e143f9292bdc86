/*
 * Exit of threads and thread groups, exec's de_thread, and wait4.
 *
 * An exiting task clears and futex-wakes its clear_child_tid word (how a
 * thread is joined), drops its address space and files and leaves its
 * thread group. A thread other than the leader is freed as soon as it is
 * off its CPU; the leader stays a zombie. When the last thread of a group
 * is gone the group's children go to init (pid 1) and the leader's parent
 * is told (SIGCHLD, wake-up); wait4 then reaps the leader. exit_group, a
 * fatal signal or a user fault in any thread end the whole group: the
 * other threads get SIGKILL and the group's status is the first cause.
 * When init's group ends, the machine powers off with init's status.
 *
 * Everything about groups and families is under tasklist_lock.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/futex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/vfs.h>
#include <mm/mmap.h>

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define __WALL 0x40000000
#define __WCLONE 0x80000000

static struct task_struct *init_process(void)
{
	return find_task_by_pid(1);
}

/* Every thread of leader's group in turn (tasklist_lock held). */
#define for_each_thread(leader, t) \
	list_for_each_entry(t, &(leader)->thread_head, thread_node)

/* Give the children of t's group to init. tasklist_lock held. */
static void reparent_children(struct task_struct *t)
{
	struct task_struct *init = init_process(), *c, *n, *th;

	list_for_each_entry_safe(c, n, &t->children, sibling) {
		list_del(&c->sibling);
		c->parent = init;
		for_each_thread(c, th)
			th->parent = init;
		if (init) {
			list_add_tail(&c->sibling, &init->children);
		} else if (c->state == TASK_ZOMBIE) {
			c->state = TASK_DEAD;	/* nobody will reap it */
		}
	}
	if (init && init != t)
		wake_up(&init->child_wait);
}

/* The exit status init's death reports to the host. */
static int poweroff_code(int status)
{
	int sig = status & 0x7f;

	return sig ? 128 + sig : (status >> 8) & 0xff;
}

void zap_other_threads(struct task_struct *leader, int status)
{
	struct task_struct *t;

	if (leader->group_exiting)
		return;
	leader->group_exiting = true;
	leader->group_exit_code = status;
	for_each_thread(leader, t)
		if (t != current)
			send_signal(t, SIGKILL);
}

/* Clear the user's tid word and wake a joiner (CLONE_CHILD_CLEARTID). */
static void clear_child_tid(struct task_struct *t)
{
	int __user *tidp = (int __user *)t->clear_child_tid;

	t->clear_child_tid = 0;
	/* Only others sharing the memory can be waiting (Linux checks the same). */
	if (__atomic_load_n(&t->mm->mm_users, __ATOMIC_RELAXED) > 1 && !put_user(0, tidp))
		futex_wake(t->mm, (u32 __user *)tidp, 1);
}

/*
 * The group's last thread is gone: tell the leader's parent, or free the
 * leader if nobody will wait for it. tasklist_lock held.
 */
static void group_dead(struct task_struct *leader)
{
	struct task_struct *parent = leader->parent;

	reparent_children(leader);
	if (leader->group_exiting)
		leader->exit_code = leader->group_exit_code;
	if (parent) {
		wake_up(&parent->child_wait);
		if (leader->exit_signal > 0)
			send_signal(parent, leader->exit_signal);
	} else {
		list_del(&leader->tasks);
		leader->state = TASK_DEAD;	/* freed once switched away from */
	}
}

void do_exit(int status)
{
	struct task_struct *t = current, *leader = t->group_leader;
	struct mm_struct *mm = t->mm;
	unsigned long flags;
	bool last;

	t->flags |= PF_EXITING;
	if (mm) {
		if (t->clear_child_tid)
			clear_child_tid(t);
		/* Leave the address space before it is torn down; /proc looks
		 * at t->mm under tasklist_lock. */
		spin_lock_irqsave(&tasklist_lock, flags);
		t->mm = NULL;
		t->active_mm = &init_mm;
		switch_mm(mm, &init_mm);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		mmput(mm);
	}
	if (t->files) {
		put_files(t->files);
		t->files = NULL;
	}

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&t->thread_node);
	last = list_empty(&leader->thread_head);
	if (last && leader->pid == 1) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (leader->group_exiting)
			status = leader->group_exit_code;
		else if (leader != t)
			status = leader->exit_code;
		printk("init exited with status %d; powering off\n", poweroff_code(status));
		arch_poweroff(poweroff_code(status));
	}
	t->exit_code = status;
	if (t == leader) {
		t->state = TASK_ZOMBIE;
	} else {
		list_del(&t->tasks);
		t->state = TASK_DEAD;	/* freed once switched away from */
	}
	if (last)
		group_dead(leader);
	else	/* de_thread() may wait for the group to shrink */
		wake_up(&leader->child_wait);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	schedule();
	panic("do_exit: task %d scheduled after its exit\n", t->pid);
}

void do_group_exit(int status)
{
	struct task_struct *leader = current->group_leader;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (leader->group_exiting)
		status = leader->group_exit_code;	/* the first cause wins */
	else
		zap_other_threads(leader, status);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(status);
}

/* Only the caller left in its group (and the leader, a zombie, if it is not it). */
static bool group_is_just_me(struct task_struct *leader)
{
	struct task_struct *t;

	for_each_thread(leader, t)
		if (t != current)
			return false;
	return true;
}

/*
 * A non-leader that execs becomes the leader: it takes the old leader's
 * pid, parent, children and place among its parent's children; the old
 * leader (a zombie by now) is freed. tasklist_lock held.
 */
static struct task_struct *take_over_leader(struct task_struct *old)
{
	struct task_struct *t = current, *c;

	t->pid = old->pid;
	t->group_leader = t;
	t->parent = old->parent;
	t->exit_signal = old->exit_signal;
	t->start_time = old->start_time;
	list_del(&t->thread_node);
	INIT_LIST_HEAD(&t->thread_head);
	list_add(&t->thread_node, &t->thread_head);
	if (old->parent) {
		list_add_tail(&t->sibling, &old->sibling);
		list_del(&old->sibling);
	}
	while (!list_empty(&old->children)) {
		c = list_first_entry(&old->children, struct task_struct, sibling);
		list_del(&c->sibling);
		list_add_tail(&c->sibling, &t->children);
		c->parent = t;
	}
	list_del(&old->tasks);
	return old;
}

int de_thread(void)
{
	struct task_struct *leader = current->group_leader, *old = NULL;
	struct wait_queue_entry w = { NULL, { NULL, NULL } };
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (group_is_just_me(leader) && leader == current) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return 0;
	}
	if (leader->group_exiting)
		err = -EINTR;
	else
		zap_other_threads(leader, 0);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (err)
		return err;

	for (;;) {
		prepare_to_wait(&leader->child_wait, &w, TASK_UNINTERRUPTIBLE);
		spin_lock_irqsave(&tasklist_lock, flags);
		if (group_is_just_me(leader) &&
		    (leader == current || leader->state == TASK_ZOMBIE))
			break;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
	}
	/* The group lives on in this thread. */
	leader->group_exiting = false;
	if (leader != current)
		old = take_over_leader(leader);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	finish_wait(&leader->child_wait, &w);
	/* The SIGKILLs were for the others. */
	__atomic_fetch_and(&current->sig.pending, ~(1ULL << (SIGKILL - 1)), __ATOMIC_RELAXED);
	if (old) {
		while (READ_ONCE(old->on_cpu))
			arch_cpu_relax();
		free_task(old);
	}
	return 0;
}

long sys_exit(int code)
{
	do_exit(W_EXITCODE(code, 0));
}

long sys_exit_group(int code)
{
	do_group_exit(W_EXITCODE(code, 0));
}

static bool pid_matches(struct task_struct *c, int pid)
{
	return pid == -1 || pid == 0 || c->tgid == pid || (pid < -1);
}

/*
 * Find a child of the caller's group matching pid whose whole group has
 * exited, and unlink it; *any is set if some child matches at all.
 * tasklist_lock held.
 */
static struct task_struct *take_zombie(int pid, bool *any)
{
	struct task_struct *c;

	*any = false;
	list_for_each_entry(c, &current->group_leader->children, sibling) {
		if (!pid_matches(c, pid))
			continue;
		*any = true;
		if (c->state == TASK_ZOMBIE && list_empty(&c->thread_head)) {
			list_del(&c->sibling);
			list_del(&c->tasks);
			return c;
		}
	}
	return NULL;
}

long sys_wait4(int pid, int __user *status, int options, void __user *rusage)
{
	struct wait_queue_head *wq = &current->group_leader->child_wait;
	struct task_struct *z;
	struct wait_queue_entry w = { NULL, { NULL, NULL } };
	unsigned long flags;
	bool any;
	int ret = 0, code;

	if (options & ~(WNOHANG | WUNTRACED | __WALL | __WCLONE))
		return -EINVAL;
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tasklist_lock, flags);
		z = take_zombie(pid, &any);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (z || !any || (options & WNOHANG))
			break;
		if (signal_pending_current()) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(wq, &w);
	if (!z)
		return ret ? ret : (any ? 0 : -ECHILD);

	/* Its CPU may still be switching away from it. */
	while (READ_ONCE(z->on_cpu))
		arch_cpu_relax();
	code = z->exit_code;
	ret = z->pid;
	free_task(z);
	if (status && put_user(code, status))
		return -EFAULT;
	if (rusage && clear_user(rusage, 144))	/* struct rusage: all zero */
		return -EFAULT;
	return ret;
}
