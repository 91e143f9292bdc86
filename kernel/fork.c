/*
 * fork/clone: a new task that is a copy of the current one, and threads.
 *
 * Without sharing flags the child gets a copy of the address space
 * (dup_mm) and of the descriptor table (dup_files), and becomes a child
 * of the caller's thread group. With CLONE_VM / CLONE_FILES it shares
 * them (reference counts); with CLONE_THREAD it joins the caller's thread
 * group (same tgid, not a child of anyone: its exit is not waited for).
 * The child returns 0 from the same system call, the parent gets its tid.
 *
 * Supported flags: CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND,
 * CLONE_THREAD, CLONE_SYSVSEM, CLONE_SETTLS, CLONE_PARENT_SETTID,
 * CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID and CLONE_DETACHED (ignored, as
 * Linux does); others give -EINVAL. The working directory lives in the
 * descriptor table, so CLONE_FS without CLONE_FILES shares it only until
 * one of them calls chdir. Signal actions are shared within a thread group
 * (rt_sigaction sets them for every thread); CLONE_SIGHAND without
 * CLONE_THREAD copies them.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/string.h>
#include <kernel/vfs.h>
#include <mm/mmap.h>

#define CSIGNAL 0x000000ff
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_THREAD 0x00010000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_CHILD_SETTID 0x01000000

#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID)

struct clone_args {
	unsigned long flags;
	unsigned long newsp;
	int __user *parent_tid;
	int __user *child_tid;
	unsigned long tls;
};

/* Linux's checks on the flag combination (copy_process). */
static int check_clone_flags(unsigned long flags)
{
	if (flags & ~CLONE_SUPPORTED)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if (!(flags & CLONE_THREAD) && (flags & CSIGNAL) > NSIG)
		return -EINVAL;
	return 0;
}

/* Give the child the caller's address space and files, copied or shared. */
static int copy_resources(struct task_struct *child, unsigned long flags)
{
	struct task_struct *parent = current;

	if (flags & CLONE_VM) {
		__atomic_add_fetch(&parent->mm->mm_users, 1, __ATOMIC_RELAXED);
		child->mm = parent->mm;
	} else {
		child->mm = dup_mm(parent->mm);
		if (!child->mm)
			return -ENOMEM;
	}
	child->active_mm = child->mm;
	if (flags & CLONE_FILES) {
		child->files = parent->files;
		if (child->files)
			__atomic_add_fetch(&child->files->refcount, 1, __ATOMIC_RELAXED);
	} else if (parent->files) {
		child->files = dup_files(parent->files);
		if (!child->files) {
			mmput(child->mm);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * Link the child into the task list and its family: a thread joins the
 * caller's group, a process becomes a child of the caller's group leader.
 * Fails with -EINTR if the group is already dying. tasklist_lock held.
 */
static int link_child(struct task_struct *child, unsigned long flags)
{
	struct task_struct *leader = current->group_leader;

	if (leader->group_exiting)
		return -EINTR;
	if (flags & CLONE_THREAD) {
		child->tgid = leader->tgid;
		child->group_leader = leader;
		child->parent = leader->parent;
		child->exit_signal = -1;
		list_del(&child->thread_node);
		list_add_tail(&child->thread_node, &leader->thread_head);
	} else {
		child->parent = leader;
		child->exit_signal = (int)(flags & CSIGNAL);
		list_add_tail(&child->sibling, &leader->children);
	}
	__publish_task(child);
	return 0;
}

/* Copy the current task. Returns the child (not yet runnable) or NULL, *err set. */
static struct task_struct *copy_process(const struct clone_args *args, int *err)
{
	struct task_struct *parent = current, *child;
	unsigned long lock_flags, flags = args->flags;

	child = alloc_task(parent->comm);
	if (!child) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = copy_resources(child, flags);
	if (*err)
		goto free;
	child->sig = parent->sig;
	child->sig.pending = 0;
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = (unsigned long)args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = (unsigned long)args->child_tid;
	arch_setup_fork(child, args->newsp, flags & CLONE_SETTLS, args->tls);

	spin_lock_irqsave(&tasklist_lock, lock_flags);
	*err = link_child(child, flags);
	spin_unlock_irqrestore(&tasklist_lock, lock_flags);
	if (!*err)
		return child;
	mmput(child->mm);
	put_files(child->files);
free:
	free_task(child);
	return NULL;
}

static long do_clone(const struct clone_args *args)
{
	struct task_struct *child;
	int err, pid;

	err = check_clone_flags(args->flags);
	if (err)
		return err;
	if (!current->mm)
		return -EINVAL;
	child = copy_process(args, &err);
	if (!child)
		return err;
	pid = child->pid;
	/* In the caller's memory; with CLONE_VM the child sees it too. */
	if (args->flags & CLONE_PARENT_SETTID)
		(void)put_user(pid, args->parent_tid);
	wake_up_process(child);
	return pid;
}

/* x86-64's argument order. */
long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	struct clone_args args = { flags, newsp, parent_tid, child_tid, tls };

	return do_clone(&args);
}

/* arm64's (Linux's generic) argument order: tls before child_tid. */
long sys_clone_tls_first(unsigned long flags, unsigned long newsp, int __user *parent_tid,
			 unsigned long tls, int __user *child_tid)
{
	struct clone_args args = { flags, newsp, parent_tid, child_tid, tls };

	return do_clone(&args);
}

long sys_fork(void)
{
	return sys_clone(SIGCHLD, 0, NULL, NULL, 0);
}
