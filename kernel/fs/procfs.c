/*
 * procfs, mounted at /proc: files registered with proc_create() (meminfo
 * and later ones), "self" (the current task's directory) and a directory
 * per process, /proc/<pid>/, made on lookup, holding stat, status, maps
 * and whatever proc_pid_create*() added. Per-process files find their task
 * by pid when opened (-ESRCH once it is gone) and render everything then.
 */
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <mm/mmap.h>
#include <mm/slab.h>

#include "internal.h"

#define PROC_PID_ENTRIES 16
#define FIRST_PID_POS 0x40000000LL	/* dir positions from here on are pids */
#define PROC_INO(pid, i) (0x40000000UL + ((unsigned long)(pid) << 6) + (i)) /* d_ino */

enum proc_pid_kind { PID_TASK_TEXT, PID_MM_TEXT, PID_MM_READ };

/* What a task's stat/status shows, copied out under tasklist_lock. */
struct task_snapshot {
	int pid, tgid, ppid, state;
	unsigned int flags;
	char comm[16];
	u64 utime, stime, start_time;
	unsigned long rss;
};

struct proc_pid_entry {
	const char *name;
	umode_t mode;
	enum proc_pid_kind kind;
	void (*show_task)(struct seq_buf *s, const struct task_snapshot *t);
	proc_show_mm_t show_mm;
	proc_read_mm_t read_mm;
};

/* A /proc/<pid>/<name> inode's private data. */
struct proc_pid_node {
	const struct proc_pid_entry *entry;
	int pid;
};

static struct inode *proc_root;
static struct proc_pid_entry pid_entries[PROC_PID_ENTRIES];
static int nr_pid_entries;
static DEFINE_SPINLOCK(pid_entries_lock);

/* ---- per-process data ---- */

static char state_letter(int state)
{
	switch (state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	case TASK_ZOMBIE:
		return 'Z';
	default:
		return 'X';
	}
}

static bool task_snapshot(int pid, struct task_snapshot *snap)
{
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	t = find_task_by_pid(pid);
	if (t) {
		snap->pid = t->pid;
		snap->tgid = t->tgid;
		snap->ppid = t->parent ? t->parent->tgid : 0;
		snap->state = t->state;
		snap->flags = t->flags;
		memcpy(snap->comm, t->comm, sizeof(snap->comm));
		snap->comm[sizeof(snap->comm) - 1] = '\0';
		snap->utime = t->utime;
		snap->stime = t->stime;
		snap->start_time = t->start_time;
		snap->rss = t->mm ? READ_ONCE(t->mm->nr_anon_pages) : 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t != NULL;
}

/* The task's mm with an mm_users reference (mmput it), or NULL. */
static struct mm_struct *get_pid_mm(int pid)
{
	struct task_struct *t;
	struct mm_struct *mm = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	t = find_task_by_pid(pid);
	if (t && t->mm && !(t->flags & PF_EXITING)) {
		int users = __atomic_load_n(&t->mm->mm_users, __ATOMIC_RELAXED);

		/* Take a reference only while someone still holds one. */
		while (users > 0 &&
		       !__atomic_compare_exchange_n(&t->mm->mm_users, &users, users + 1, false,
						    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			;
		if (users > 0)
			mm = t->mm;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}

/* "pid (comm) S ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
 * cmajflt utime stime cutime cstime priority nice num_threads itrealvalue
 * starttime vsize rss", as Linux's /proc/<pid>/stat begins. */
static void show_stat(struct seq_buf *s, const struct task_snapshot *t)
{
	seq_printf(s, "%d (%s) %c %d %d %d 0 -1 %u 0 0 0 0 %llu %llu 0 0 20 0 1 0 %llu 0 %lu\n",
		   t->pid, t->comm, state_letter(t->state), t->ppid, t->tgid, t->tgid,
		   t->flags, (unsigned long long)t->utime, (unsigned long long)t->stime,
		   (unsigned long long)t->start_time, t->rss);
}

static void show_status(struct seq_buf *s, const struct task_snapshot *t)
{
	static const char *const names[] = {
		[TASK_RUNNING] = "running", [TASK_INTERRUPTIBLE] = "sleeping",
		[TASK_UNINTERRUPTIBLE] = "disk sleep", [TASK_ZOMBIE] = "zombie",
		[TASK_DEAD] = "dead",
	};
	const char *name = t->state >= 0 && t->state <= TASK_DEAD ? names[t->state] : "?";

	seq_printf(s, "Name:\t%s\nState:\t%c (%s)\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n",
		   t->comm, state_letter(t->state), name, t->tgid, t->pid, t->ppid);
	seq_printf(s, "VmRSS:\t%8lu kB\n", t->rss * (PAGE_SIZE / 1024));
}

static int pid_text_open(struct inode *inode, struct file *file)
{
	struct proc_pid_node *node = inode->i_private;
	const struct proc_pid_entry *e = node->entry;
	struct task_snapshot snap;
	struct mm_struct *mm = NULL;
	struct seq_buf *s;

	if (e->kind != PID_TASK_TEXT)
		mm = get_pid_mm(node->pid);
	/* No mm: a kernel thread or a zombie (shows nothing), or no task. */
	if (!mm && !task_snapshot(node->pid, &snap))
		return -ESRCH;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		if (mm)
			mmput(mm);
		return -ENOMEM;
	}
	seq_buf_init(s);
	if (e->kind == PID_TASK_TEXT) {
		e->show_task(s, &snap);
	} else if (mm) {	/* kernel threads and zombies show nothing */
		down_read(&mm->mmap_lock);
		e->show_mm(s, mm);
		up_read(&mm->mmap_lock);
		mmput(mm);
	}
	file->private_data = s;
	return 0;
}

static const struct file_operations pid_text_fops = {
	.open = pid_text_open,
	.read = seq_buf_file_read,
	.llseek = seq_buf_file_llseek,
	.release = seq_buf_file_release,
};

/* Binary per-process files: the mm is held from open to release. */
static int pid_read_open(struct inode *inode, struct file *file)
{
	struct proc_pid_node *node = inode->i_private;

	file->private_data = get_pid_mm(node->pid);
	return file->private_data ? 0 : -ESRCH;
}

static ssize_t pid_read_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	struct proc_pid_node *node = file->inode->i_private;
	ssize_t ret = node->entry->read_mm(file->private_data, buf, n, *pos);

	if (ret > 0)
		*pos += ret;
	return ret;
}

static void pid_read_release(struct inode *inode, struct file *file)
{
	(void)inode;
	mmput(file->private_data);
}

static const struct file_operations pid_read_fops = {
	.open = pid_read_open,
	.read = pid_read_read,
	.llseek = no_seek_end_llseek,
	.release = pid_read_release,
};

static void pid_node_evict(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct inode_operations pid_file_iops = {
	.evict = pid_node_evict,
};

/* ---- /proc/<pid>/ ---- */

static struct inode *pid_dir_lookup(struct inode *dir, const char *name, size_t len)
{
	const struct proc_pid_entry *e = NULL;
	struct proc_pid_node *node;
	struct inode *inode;
	int i;

	spin_lock(&pid_entries_lock);
	for (i = 0; i < nr_pid_entries; i++)
		if (strlen(pid_entries[i].name) == len && !memcmp(pid_entries[i].name, name, len))
			e = &pid_entries[i];
	spin_unlock(&pid_entries_lock);
	if (!e)
		return NULL;
	node = kmalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return NULL;
	node->entry = e;
	node->pid = (int)(long)dir->i_private;
	inode = new_inode(S_IFREG | e->mode, &pid_file_iops,
			  e->kind == PID_MM_READ ? &pid_read_fops : &pid_text_fops);
	if (!inode) {
		kfree(node);
		return NULL;
	}
	inode->i_private = node;
	return inode;
}

static int pid_dir_iterate(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	for (;;) {
		const char *name = NULL;
		loff_t i = ctx->pos - 2;

		spin_lock(&pid_entries_lock);
		if (i < nr_pid_entries)
			name = pid_entries[i].name;
		spin_unlock(&pid_entries_lock);
		if (!name || !ctx->actor(ctx, name, strlen(name),
					 PROC_INO((long)file->inode->i_private, i + 1), DT_REG))
			return 0;
		ctx->pos++;
	}
}

static const struct inode_operations pid_dir_iops = {
	.lookup = pid_dir_lookup,
};

static const struct file_operations pid_dir_fops = {
	.read = generic_read_dir,
	.llseek = no_seek_end_llseek,
	.iterate_dir = pid_dir_iterate,
};

/* A fresh directory inode for pid, or NULL if there is no such task. */
static struct inode *pid_dir_inode(int pid)
{
	struct inode *inode;
	unsigned long flags;
	bool alive;

	spin_lock_irqsave(&tasklist_lock, flags);
	alive = find_task_by_pid(pid) != NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!alive)
		return NULL;
	inode = new_inode(S_IFDIR | 0555, &pid_dir_iops, &pid_dir_fops);
	if (!inode)
		return NULL;
	inode->i_private = (void *)(long)pid;
	inode->nlink = 2;
	iget(proc_root);
	inode->i_parent = proc_root;
	return inode;
}

/* ---- /proc itself ---- */

static bool parse_pid(const char *name, size_t len, int *pid)
{
	long v = 0;
	size_t i;

	if (!len || len > 9 || name[0] == '0')
		return false;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		v = v * 10 + (name[i] - '0');
	}
	*pid = (int)v;
	return true;
}

static struct inode *proc_root_lookup(struct inode *dir, const char *name, size_t len)
{
	struct inode *inode = ramfs_lookup(dir, name, len);
	int pid;

	if (inode)
		return inode;
	if (len == 4 && !memcmp(name, "self", 4))
		return pid_dir_inode(current->tgid);
	if (parse_pid(name, len, &pid))
		return pid_dir_inode(pid);
	return NULL;
}

/* The smallest thread-group leader pid >= from, or 0. */
static int next_tgid(int from, char *name, size_t size)
{
	struct task_struct *t;
	unsigned long flags;
	int best = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == t->tgid && t->pid >= from && (!best || t->pid < best))
			best = t->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (best)
		snprintf(name, size, "%d", best);
	return best;
}

/* Positions: ".", "..", the registered entries, "self", then one per pid
 * (FIRST_PID_POS + pid). */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	loff_t self_pos = 2 + (loff_t)ramfs_dir_count(file->inode);
	char name[16];
	int pid;

	if (ctx->pos < self_pos) {
		ramfs_iterate(file, ctx);
		if (ctx->pos < self_pos)
			return 0;
	}
	if (ctx->pos == self_pos) {
		if (!ctx->actor(ctx, "self", 4, PROC_INO(0, 0), DT_DIR))
			return 0;
		ctx->pos = FIRST_PID_POS;
	}
	while (ctx->pos >= FIRST_PID_POS &&
	       (pid = next_tgid((int)(ctx->pos - FIRST_PID_POS), name, sizeof(name)))) {
		if (!ctx->actor(ctx, name, strlen(name), PROC_INO(pid, 0), DT_DIR))
			return 0;
		ctx->pos = FIRST_PID_POS + pid + 1;
	}
	return 0;
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.read = generic_read_dir,
	.llseek = no_seek_end_llseek,
	.iterate_dir = proc_root_iterate,
};

/* ---- registration ---- */

int proc_create(const char *path, pseudo_show_t show)
{
	struct pseudo_attr *attr = kzalloc(sizeof(*attr), GFP_KERNEL);
	struct inode *inode;

	if (!attr)
		return -ENOMEM;
	attr->show = show;
	inode = pseudo_new_file(0444, attr);
	if (!inode) {
		kfree(attr);
		return -ENOMEM;
	}
	return pseudo_add_path(proc_root, path, inode);
}

int proc_create_ops(const char *path, umode_t mode, const struct file_operations *fops)
{
	struct inode *inode = new_inode(S_IFREG | (mode & 07777), NULL, fops);

	return inode ? pseudo_add_path(proc_root, path, inode) : -ENOMEM;
}

static int add_pid_entry(const struct proc_pid_entry *e)
{
	int err = 0;

	spin_lock(&pid_entries_lock);
	if (nr_pid_entries == PROC_PID_ENTRIES)
		err = -ENOSPC;
	else
		pid_entries[nr_pid_entries++] = *e;
	spin_unlock(&pid_entries_lock);
	return err;
}

int proc_pid_create(const char *name, proc_show_mm_t show)
{
	struct proc_pid_entry e = { .name = name, .mode = 0444, .kind = PID_MM_TEXT,
				    .show_mm = show };

	return add_pid_entry(&e);
}

int proc_pid_create_read(const char *name, proc_read_mm_t read)
{
	struct proc_pid_entry e = { .name = name, .mode = 0444, .kind = PID_MM_READ,
				    .read_mm = read };

	return add_pid_entry(&e);
}

static void proc_show_meminfo(struct seq_buf *s)
{
	show_meminfo(s);
}

/* Make the /proc directory (the caller links it into the root). */
struct inode *procfs_init(void)
{
	static const struct proc_pid_entry builtin[] = {
		{ .name = "stat", .mode = 0444, .kind = PID_TASK_TEXT, .show_task = show_stat },
		{ .name = "status", .mode = 0444, .kind = PID_TASK_TEXT,
		  .show_task = show_status },
	};
	size_t i;

	proc_root = ramfs_new_dir(root_inode, 0555, &proc_root_iops);
	if (!proc_root)
		return NULL;
	proc_root->f_op = &proc_root_fops;
	for (i = 0; i < ARRAY_SIZE(builtin); i++)
		add_pid_entry(&builtin[i]);
	if (proc_pid_create("maps", show_maps) || proc_create("meminfo", proc_show_meminfo))
		printk("procfs: cannot create the standard files\n");
	return proc_root;
}
