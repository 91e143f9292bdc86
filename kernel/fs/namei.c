/*
 * Path lookup: from the root for absolute paths, else from a base
 * directory (the working directory or a directory fd); "." stays, ".."
 * follows i_parent. Opening (O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY),
 * mkdir and mknod by path. The working directory (struct fs_cwd) lives in
 * the files_struct. Callers may sleep: file systems lock with mutexes.
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

struct inode *root_inode;

struct fs_cwd *make_cwd(struct inode *inode, const char *path)
{
	size_t n = strlen(path) + 1;
	struct fs_cwd *c = kmalloc(sizeof(*c) + n, GFP_KERNEL);

	if (!c)
		return NULL;
	c->refcount = 1;
	iget(inode);
	c->inode = inode;
	memcpy(c->path, path, n);
	return c;
}

void put_cwd(struct fs_cwd *cwd)
{
	if (cwd && !__atomic_sub_fetch(&cwd->refcount, 1, __ATOMIC_ACQ_REL)) {
		iput(cwd->inode);
		kfree(cwd);
	}
}

/* The current task's cwd with a reference, or NULL (then: the root). */
struct fs_cwd *get_cwd(void)
{
	struct files_struct *files = current->files;
	struct fs_cwd *c = NULL;

	if (!files)
		return NULL;
	spin_lock(&files->lock);
	c = files->cwd;
	if (c)
		__atomic_add_fetch(&c->refcount, 1, __ATOMIC_RELAXED);
	spin_unlock(&files->lock);
	return c;
}

/* One step: name in dir (referenced result), "." and ".." included. */
static int lookup_one(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	struct inode *next;

	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.') {
		next = dir;
		iget(next);
	} else if (len == 2 && name[0] == '.' && name[1] == '.') {
		next = dir->i_parent ? dir->i_parent : dir;
		iget(next);
	} else {
		next = dir->i_op && dir->i_op->lookup ? dir->i_op->lookup(dir, name, len) : NULL;
		if (!next)
			return -ENOENT;
	}
	*out = next;
	return 0;
}

/* The start of a walk: the root for "/...", else base or the cwd. */
static struct inode *walk_start(struct inode *base, const char *path)
{
	struct inode *start;
	struct fs_cwd *cwd;

	if (!root_inode)
		return NULL;
	if (*path == '/')
		start = root_inode;
	else if (base)
		start = base;
	else if ((cwd = get_cwd())) {
		start = cwd->inode;
		iget(start);
		put_cwd(cwd);
		return start;
	} else {
		start = root_inode;
	}
	iget(start);
	return start;
}

/*
 * Walk path; with want_parent, stop before the last component and return
 * it in *last / *lastlen. Returns 0 and a referenced inode in *out.
 */
static int walk(struct inode *base, const char *path, bool want_parent, struct inode **out,
		const char **last, size_t *lastlen)
{
	struct inode *cur, *next;
	const char *p = path, *name;
	size_t len;
	int err;

	if (!*path)
		return -ENOENT;
	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	cur = walk_start(base, path);
	if (!cur)
		return -ENOENT;
	if (want_parent) {
		*last = NULL;
		*lastlen = 0;
	}
	for (;;) {
		p = path_next(p, &name, &len);
		if (!len)
			break;
		if (want_parent && path_at_end(p)) {
			bool dots = (len == 1 && name[0] == '.') ||
				    (len == 2 && name[0] == '.' && name[1] == '.');

			if (!S_ISDIR(cur->mode)) {
				iput(cur);
				return -ENOTDIR;
			}
			if (len > NAME_MAX) {
				iput(cur);
				return -ENAMETOOLONG;
			}
			*last = name;
			*lastlen = dots ? 0 : len;
			break;
		}
		err = lookup_one(cur, name, len, &next);
		iput(cur);
		if (err)
			return err;
		cur = next;
	}
	if (!want_parent && path_has_trailing_slash(path) && !S_ISDIR(cur->mode)) {
		iput(cur);
		return -ENOTDIR;
	}
	*out = cur;
	return 0;
}

int path_lookup_at(struct inode *base, const char *path, struct inode **out)
{
	return walk(base, path, false, out, NULL, NULL);
}

int path_parent_at(struct inode *base, const char *path, struct inode **dir,
		   const char **last, size_t *len)
{
	return walk(base, path, true, dir, last, len);
}

/* Find or create the regular file for an O_CREAT open. */
static int open_create(struct inode *base, const char *path, unsigned int flags, umode_t mode,
		       struct inode **out)
{
	struct inode *dir, *inode;
	const char *last;
	size_t len;
	int err;

	err = path_parent_at(base, path, &dir, &last, &len);
	if (err)
		return err;
	if (!len || path_has_trailing_slash(path)) {
		/* "/", ".", "..", "dir/": only an existing directory fits. */
		iput(dir);
		return -EISDIR;
	}
	for (;;) {
		inode = dir->i_op && dir->i_op->lookup ? dir->i_op->lookup(dir, last, len) : NULL;
		if (inode) {
			err = (flags & O_EXCL) ? -EEXIST : 0;
			if (err)
				iput(inode);
			break;
		}
		if (!dir->i_op || !dir->i_op->create) {
			err = -EACCES;
			break;
		}
		err = dir->i_op->create(dir, last, len, S_IFREG | (mode & 07777), &inode);
		if (err != -EEXIST || (flags & O_EXCL))
			break;
		/* Someone created it in between: open theirs. */
	}
	iput(dir);
	if (!err)
		*out = inode;
	return err;
}

int vfs_open_at(struct inode *base, const char *path, unsigned int flags, umode_t mode,
		struct file **out)
{
	bool writing = (flags & O_ACCMODE) != O_RDONLY;	/* 3: ioctl only, as Linux */
	struct inode *inode;
	int err;

	if (flags & O_CREAT)
		err = open_create(base, path, flags, mode, &inode);
	else
		err = path_lookup_at(base, path, &inode);
	if (err)
		return err;

	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		err = -ENOTDIR;
	else if (S_ISDIR(inode->mode) && (writing || (flags & (O_TRUNC | O_CREAT))))
		err = -EISDIR;
	else if (writing && !(inode->mode & 0222))
		err = -EACCES;
	else if ((flags & O_TRUNC) && S_ISREG(inode->mode) && inode->i_op &&
		 inode->i_op->truncate)
		err = inode->i_op->truncate(inode, 0);
	if (!err)
		err = open_inode(inode, flags, out);
	iput(inode);
	return err;
}

/* Resolve the parent of path and hand the last name to op. */
static int create_at(struct inode *base, const char *path, umode_t mode, u32 rdev, bool dir)
{
	struct inode *parent;
	const char *last;
	size_t len;
	int err;

	err = path_parent_at(base, path, &parent, &last, &len);
	if (err)
		return err;
	if (!len)
		err = -EEXIST;		/* "/", "." or ".." */
	else if (!dir && path_has_trailing_slash(path))
		err = -ENOENT;
	else if (dir)
		err = parent->i_op && parent->i_op->mkdir ?
			parent->i_op->mkdir(parent, last, len, mode & 07777) : -EPERM;
	else
		err = parent->i_op && parent->i_op->mknod ?
			parent->i_op->mknod(parent, last, len, mode, rdev) : -EPERM;
	iput(parent);
	return err;
}

int vfs_mkdir_at(struct inode *base, const char *path, umode_t mode)
{
	return create_at(base, path, mode, 0, true);
}

int vfs_mknod_at(struct inode *base, const char *path, umode_t mode, u32 rdev)
{
	return create_at(base, path, mode, rdev, false);
}

int getname(const char __user *upath, char **out)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	long n;

	if (!buf)
		return -ENOMEM;
	n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n < 0) {
		kfree(buf);
		return (int)n;
	}
	*out = buf;
	return 0;
}

int dfd_base(int dfd, const char *path, struct inode **out)
{
	struct file *f;
	int err = 0;

	if (!*path)
		return -ENOENT;
	if (*path == '/' || dfd == AT_FDCWD) {
		*out = walk_start(NULL, path);
		return *out ? 0 : -ENOENT;
	}
	f = fget(dfd);
	if (!f)
		return -EBADF;
	if (S_ISDIR(f->inode->mode)) {
		iget(f->inode);
		*out = f->inode;
	} else {
		err = -ENOTDIR;
	}
	fput(f);
	return err;
}
