/*
 * File descriptor tables (struct files_struct): allocation, the fork copy,
 * close-on-exec, installing and looking up descriptors, and close / dup /
 * dup2 / dup3. files->lock (a spinlock: tables may be shared by threads)
 * guards fd[], cloexec and cwd; files are fput() only after it is dropped,
 * because a release may sleep.
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	spin_lock_init(&files->lock, "files");
	files->refcount = 1;
	if (root_inode) {
		files->cwd = make_cwd(root_inode, "/");
		if (!files->cwd) {
			kfree(files);
			return NULL;
		}
	}
	return files;
}

/* fork without CLONE_FILES: same open files (new references), same cwd. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);
	int fd;

	if (!files)
		return NULL;
	spin_lock_init(&files->lock, "files");
	files->refcount = 1;
	spin_lock(&old->lock);
	for (fd = 0; fd < NR_OPEN; fd++)
		if (old->fd[fd])
			files->fd[fd] = get_file(old->fd[fd]);
	files->cloexec = old->cloexec;
	files->cwd = old->cwd;
	if (files->cwd)
		__atomic_add_fetch(&files->cwd->refcount, 1, __ATOMIC_RELAXED);
	spin_unlock(&old->lock);
	return files;
}

void put_files(struct files_struct *files)
{
	int fd;

	if (!files || __atomic_sub_fetch(&files->refcount, 1, __ATOMIC_ACQ_REL))
		return;
	for (fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	put_cwd(files->cwd);
	kfree(files);
}

void close_on_exec(struct files_struct *files)
{
	struct file *doomed[NR_OPEN];
	int fd, n = 0;

	spin_lock(&files->lock);
	for (fd = 0; fd < NR_OPEN; fd++) {
		if (files->fd[fd] && (files->cloexec & BIT_ULL(fd))) {
			doomed[n++] = files->fd[fd];
			files->fd[fd] = NULL;
		}
	}
	files->cloexec = 0;
	spin_unlock(&files->lock);
	while (n--)
		fput(doomed[n]);
}

static void set_cloexec(struct files_struct *files, int fd, bool on)
{
	if (on)
		files->cloexec |= BIT_ULL(fd);
	else
		files->cloexec &= ~BIT_ULL(fd);
}

/* On -EMFILE the caller keeps its reference to f. */
int fd_install_lowest(struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	int fd;

	if (!files)
		return -EMFILE;
	spin_lock(&files->lock);
	for (fd = 0; fd < NR_OPEN; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = f;
			set_cloexec(files, fd, flags & O_CLOEXEC);
			break;
		}
	}
	spin_unlock(&files->lock);
	return fd < NR_OPEN ? fd : -EMFILE;
}

struct file *fget(int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	if (!files || fd < 0 || fd >= NR_OPEN)
		return NULL;
	spin_lock(&files->lock);
	if (files->fd[fd])
		f = get_file(files->fd[fd]);
	spin_unlock(&files->lock);
	return f;
}

long sys_close(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	if (!files || fd >= NR_OPEN)
		return -EBADF;
	spin_lock(&files->lock);
	f = files->fd[fd];
	files->fd[fd] = NULL;
	set_cloexec(files, fd, false);
	spin_unlock(&files->lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

long sys_dup(unsigned int fd)
{
	struct file *f = fget(fd);
	int newfd;

	if (!f)
		return -EBADF;
	newfd = fd_install_lowest(f, 0);
	if (newfd < 0)
		fput(f);
	return newfd;
}

/* Make newfd refer to oldfd's file, closing what newfd held. */
static long do_dup2(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *f, *old = NULL;

	if (!files || oldfd >= NR_OPEN || newfd >= NR_OPEN)
		return -EBADF;
	spin_lock(&files->lock);
	f = files->fd[oldfd];
	if (!f) {
		spin_unlock(&files->lock);
		return -EBADF;
	}
	if (oldfd != newfd) {
		old = files->fd[newfd];
		files->fd[newfd] = get_file(f);
		set_cloexec(files, newfd, flags & O_CLOEXEC);
	}
	spin_unlock(&files->lock);
	if (old)
		fput(old);
	return newfd;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	return do_dup2(oldfd, newfd, 0);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, flags);
}
