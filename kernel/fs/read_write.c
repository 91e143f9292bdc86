/*
 * read, write, pread64, pwrite64, lseek and ioctl: descriptor checks, the
 * access mode, the user range and the count cap are done here, in the
 * order Linux does them; the file's operations do the rest.
 */
#include <kernel/sched.h>

#include "internal.h"

static ssize_t vfs_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	if ((f->flags & O_ACCMODE) != O_RDONLY && (f->flags & O_ACCMODE) != O_RDWR)
		return -EBADF;
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, n))
		return -EFAULT;
	if (*pos < 0)
		return -EINVAL;
	return f->f_op->read(f, buf, MIN(n, MAX_RW_COUNT), pos);
}

static ssize_t vfs_write(struct file *f, const char __user *buf, size_t n, loff_t *pos)
{
	if ((f->flags & O_ACCMODE) != O_WRONLY && (f->flags & O_ACCMODE) != O_RDWR)
		return -EBADF;
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, n))
		return -EFAULT;
	if (*pos < 0)
		return -EINVAL;
	return f->f_op->write(f, buf, MIN(n, MAX_RW_COUNT), pos);
}

/* read/write at the file position, which moves by the bytes done. */
static long rw_at_pos(unsigned int fd, char __user *buf, size_t n, bool write)
{
	struct file *f = fget(fd);
	bool atomic;
	loff_t pos;
	long ret;

	if (!f)
		return -EBADF;
	atomic = file_pos_atomic(f);
	if (atomic)
		mutex_lock(&f->f_pos_lock);
	pos = f->pos;
	ret = write ? vfs_write(f, buf, n, &pos) : vfs_read(f, buf, n, &pos);
	if (ret >= 0)
		f->pos = pos;
	if (atomic)
		mutex_unlock(&f->f_pos_lock);
	fput(f);
	return ret;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	return rw_at_pos(fd, buf, count, false);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return rw_at_pos(fd, (char __user *)buf, count, true);
}

/* pread/pwrite: only on seekable files; the file position stays. */
static long rw_explicit(unsigned int fd, char __user *buf, size_t n, loff_t pos, bool write)
{
	struct file *f;
	long ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!f->f_op || !f->f_op->llseek)
		ret = -ESPIPE;
	else
		ret = write ? vfs_write(f, buf, n, &pos) : vfs_read(f, buf, n, &pos);
	fput(f);
	return ret;
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	return rw_explicit(fd, buf, count, pos, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	return rw_explicit(fd, (char __user *)buf, count, pos, true);
}

/*
 * The usual llseek of a file with a known size: SEEK_SET, SEEK_CUR,
 * SEEK_END; a negative result is -EINVAL. Sets and returns the position.
 */
loff_t fixed_size_llseek(struct file *file, loff_t off, int whence, loff_t size)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->pos;
		break;
	case SEEK_END:
		base = size;
		break;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, off, &off) || off < 0)
		return -EINVAL;
	file->pos = off;
	return off;
}

/* Positions that are cookies (directories, binary /proc files): no SEEK_END. */
loff_t no_seek_end_llseek(struct file *file, loff_t off, int whence)
{
	if (whence == SEEK_END)
		return -EINVAL;
	return fixed_size_llseek(file, off, whence, 0);
}

long sys_lseek(unsigned int fd, loff_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	bool atomic;
	long ret;

	if (!f)
		return -EBADF;
	if (whence > SEEK_END) {
		ret = -EINVAL;
	} else if (!f->f_op || !f->f_op->llseek) {
		ret = -ESPIPE;
	} else {
		atomic = file_pos_atomic(f);
		if (atomic)
			mutex_lock(&f->f_pos_lock);
		ret = f->f_op->llseek(f, offset, whence);
		if (atomic)
			mutex_unlock(&f->f_pos_lock);
	}
	fput(f);
	return ret;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = f->f_op && f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg) : -ENOTTY;
	fput(f);
	return ret;
}
