/*
 * System calls that work on names: open, openat, mkdirat, unlinkat,
 * chdir and getcwd. Paths are copied in with getname(); relative paths
 * start at the directory fd or the working directory.
 */
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

long sys_openat(int dfd, const char __user *upath, int flags, unsigned int mode)
{
	struct inode *base;
	struct file *f;
	char *path;
	long ret;

	ret = getname(upath, &path);
	if (ret)
		return ret;
	ret = dfd_base(dfd, path, &base);
	if (ret)
		goto out;
	ret = vfs_open_at(base, path, flags, mode, &f);
	iput(base);
	if (ret)
		goto out;
	ret = fd_install_lowest(f, flags);
	if (ret < 0)
		fput(f);
out:
	kfree(path);
	return ret;
}

long sys_open(const char __user *path, int flags, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_mkdirat(int dfd, const char __user *upath, unsigned int mode)
{
	struct inode *base;
	char *path;
	long ret;

	ret = getname(upath, &path);
	if (ret)
		return ret;
	ret = dfd_base(dfd, path, &base);
	if (!ret) {
		ret = vfs_mkdir_at(base, path, mode);
		iput(base);
	}
	kfree(path);
	return ret;
}

long sys_unlinkat(int dfd, const char __user *upath, int flag)
{
	bool rmdir = flag & AT_REMOVEDIR;
	struct inode *base, *dir;
	const char *last;
	size_t len;
	char *path;
	long ret;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	ret = getname(upath, &path);
	if (ret)
		return ret;
	ret = dfd_base(dfd, path, &base);
	if (ret)
		goto out;
	ret = path_parent_at(base, path, &dir, &last, &len);
	iput(base);
	if (ret)
		goto out;
	if (!len) {
		/* "/", ".", "..": Linux says EBUSY, EINVAL, ENOTEMPTY for rmdir. */
		if (!rmdir)
			ret = -EISDIR;
		else if (!last)
			ret = -EBUSY;
		else
			ret = last[1] == '.' ? -ENOTEMPTY : -EINVAL;
	} else if (!rmdir && path_has_trailing_slash(path)) {
		struct inode *victim;

		/* "name/": ENOENT, ENOTDIR for a file, EISDIR for a directory. */
		ret = path_lookup_at(dir, last, &victim);
		if (!ret) {
			ret = -EISDIR;
			iput(victim);
		}
	} else if (rmdir) {
		ret = dir->i_op && dir->i_op->rmdir ? dir->i_op->rmdir(dir, last, len) : -EPERM;
	} else {
		ret = dir->i_op && dir->i_op->unlink ? dir->i_op->unlink(dir, last, len) : -EPERM;
	}
	iput(dir);
out:
	kfree(path);
	return ret;
}

long sys_chdir(const char __user *upath)
{
	struct files_struct *files = current->files;
	struct fs_cwd *cwd, *old;
	struct inode *inode;
	char *path, *full;
	long ret;

	if (!files)
		return -EINVAL;
	ret = getname(upath, &path);
	if (ret)
		return ret;
	ret = path_lookup_at(NULL, path, &inode);
	if (ret)
		goto out;
	ret = -ENOTDIR;
	if (!S_ISDIR(inode->mode))
		goto out_inode;

	/* The new path, made from the old one and path, then made canonical. */
	ret = -ENOMEM;
	full = kmalloc(2 * PATH_MAX, GFP_KERNEL);
	if (!full)
		goto out_inode;
	old = get_cwd();
	snprintf(full, 2 * PATH_MAX, "%s/%s", *path == '/' || !old ? "" : old->path, path);
	put_cwd(old);
	path_normalize(full);
	ret = -ENAMETOOLONG;
	if (strlen(full) < PATH_MAX) {
		cwd = make_cwd(inode, full);
		ret = -ENOMEM;
		if (cwd) {
			spin_lock(&files->lock);
			old = files->cwd;
			files->cwd = cwd;
			spin_unlock(&files->lock);
			put_cwd(old);
			ret = 0;
		}
	}
	kfree(full);
out_inode:
	iput(inode);
out:
	kfree(path);
	return ret;
}

long sys_getcwd(char __user *buf, unsigned long size)
{
	struct fs_cwd *cwd = get_cwd();
	const char *path = cwd ? cwd->path : "/";
	size_t len = strlen(path) + 1;
	long ret;

	if (len > size)
		ret = -ERANGE;
	else if (copy_to_user(buf, path, len))
		ret = -EFAULT;
	else
		ret = len;
	put_cwd(cwd);
	return ret;
}
