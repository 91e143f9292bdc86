/*
 * fstat and newfstatat: an inode's attributes in the arch's Linux struct
 * stat (<asm/stat.h>). No owners, times or permissions are kept yet:
 * uid/gid 0 and zero times.
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>
#include <asm/stat.h>

#include "internal.h"

#define RAMFS_DEV 1		/* st_dev of every file, until there are mounts */

/* Linux's new_encode_dev(): the 32-bit dev_t user space sees. */
static unsigned long encode_dev(u32 dev)
{
	u32 major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static long copy_stat(struct inode *inode, struct stat __user *ust)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = RAMFS_DEV;
	st.st_ino = inode->ino;
	st.st_nlink = inode->nlink;
	st.st_mode = inode->mode;
	st.st_rdev = encode_dev(inode->rdev);
	st.st_size = inode->size;
	st.st_blksize = PAGE_SIZE;
	st.st_blocks = DIV_ROUND_UP(inode->size, 512);
	return copy_to_user(ust, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_fstat(unsigned int fd, struct stat __user *st)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = copy_stat(f->inode, st);
	fput(f);
	return ret;
}

long sys_newfstatat(int dfd, const char __user *upath, struct stat __user *st, int flag)
{
	struct inode *base, *inode;
	char *path;
	long ret;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	ret = getname(upath, &path);
	if (ret)
		return ret;
	if (!*path && (flag & AT_EMPTY_PATH)) {
		kfree(path);
		if (dfd != AT_FDCWD)
			return sys_fstat(dfd, st);
		ret = dfd_base(AT_FDCWD, ".", &inode);
		if (!ret) {
			ret = copy_stat(inode, st);
			iput(inode);
		}
		return ret;
	}
	ret = dfd_base(dfd, path, &base);
	if (!ret) {
		ret = path_lookup_at(base, path, &inode);
		iput(base);
		if (!ret) {
			ret = copy_stat(inode, st);
			iput(inode);
		}
	}
	kfree(path);
	return ret;
}
