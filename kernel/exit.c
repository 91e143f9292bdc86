/*
 * Process exit and wait4.
 *
 * An exiting task drops its address space and files, hands its children
 * to init (pid 1), becomes a zombie holding only its exit status, and wakes
 * its parent. wait4 reaps zombies: it frees the task once its CPU has
 * switched away from it. When init itself exits, the machine powers off
 * with init's exit status.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
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

/* Give t's children to init. tasklist_lock held. */
static void reparent_children(struct task_struct *t)
{
	struct task_struct *init = init_process(), *c, *n;

	list_for_each_entry_safe(c, n, &t->children, sibling) {
		list_del(&c->sibling);
		c->parent = init;
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

void do_exit(int status)
{
	struct task_struct *t = current;
	struct mm_struct *mm = t->mm;
	unsigned long flags;

	t->flags |= PF_EXITING;
	if (mm) {
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
	if (t->pid == 1) {
		printk("init exited with status %d; powering off\n", poweroff_code(status));
		arch_poweroff(poweroff_code(status));
	}

	spin_lock_irqsave(&tasklist_lock, flags);
	reparent_children(t);
	t->exit_code = status;
	if (t->parent) {
		t->state = TASK_ZOMBIE;
		wake_up(&t->parent->child_wait);
		send_signal(t->parent, SIGCHLD);
	} else {
		list_del(&t->tasks);
		t->state = TASK_DEAD;	/* freed once switched away from */
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	schedule();
	panic("do_exit: zombie %d scheduled again\n", t->pid);
}

void do_group_exit(int status)
{
	do_exit(status);
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
 * Find a zombie child matching pid and unlink it; *any is set if some
 * child matches at all. tasklist_lock held.
 */
static struct task_struct *take_zombie(int pid, bool *any)
{
	struct task_struct *c;

	*any = false;
	list_for_each_entry(c, &current->children, sibling) {
		if (!pid_matches(c, pid))
			continue;
		*any = true;
		if (c->state == TASK_ZOMBIE) {
			list_del(&c->sibling);
			list_del(&c->tasks);
			return c;
		}
	}
	return NULL;
}

long sys_wait4(int pid, int __user *status, int options, void __user *rusage)
{
	struct task_struct *z;
	struct wait_queue_entry w = { NULL, { NULL, NULL } };
	unsigned long flags;
	bool any;
	int ret = 0, code;

	if (options & ~(WNOHANG | WUNTRACED | __WALL | __WCLONE))
		return -EINVAL;
	for (;;) {
		prepare_to_wait(&current->child_wait, &w, TASK_INTERRUPTIBLE);
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
	finish_wait(&current->child_wait, &w);
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
