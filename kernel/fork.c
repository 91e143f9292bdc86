/*
 * fork/clone: a new task that is a copy of the current one. Its address
 * space is a copy (dup_mm) and its descriptor table a copy (dup_files);
 * the child returns 0 from the same system call, the parent gets the pid.
 *
 * Supported clone flags so far: the exit signal (SIGCHLD) only; threads
 * (CLONE_VM, CLONE_THREAD, ...) arrive with the SMP issue.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/string.h>
#include <kernel/vfs.h>
#include <mm/mmap.h>

#define CSIGNAL 0x000000ff

/*
 * Copy the current task. Returns the child (runnable) or an ERR value:
 * NULL with *err set.
 */
static struct task_struct *copy_process(unsigned long usp, int *err)
{
	struct task_struct *parent = current, *child;
	unsigned long flags;

	child = alloc_task(parent->comm);
	if (!child) {
		*err = -ENOMEM;
		return NULL;
	}
	child->mm = dup_mm(parent->mm);
	if (!child->mm)
		goto nomem;
	child->active_mm = child->mm;
	child->files = dup_files(parent->files);
	if (!child->files) {
		mmput(child->mm);
		goto nomem;
	}
	child->sig = parent->sig;
	child->sig.pending = 0;
	arch_setup_fork(child, usp, false, 0);
	publish_task(child);

	spin_lock_irqsave(&tasklist_lock, flags);
	child->parent = parent;
	list_add_tail(&child->sibling, &parent->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return child;

nomem:
	free_task(child);
	*err = -ENOMEM;
	return NULL;
}

long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	struct task_struct *child;
	int err, pid;

	(void)parent_tid;
	(void)child_tid;
	(void)tls;
	if (flags & ~CSIGNAL)
		return -EINVAL;
	if ((flags & CSIGNAL) != SIGCHLD)
		return -EINVAL;
	if (!current->mm)
		return -EINVAL;
	child = copy_process(newsp, &err);
	if (!child)
		return err;
	pid = child->pid;
	wake_up_process(child);
	return pid;
}

long sys_fork(void)
{
	return sys_clone(SIGCHLD, 0, NULL, NULL, 0);
}
