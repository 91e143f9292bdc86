/*
 * Open files: creation from an inode, reference counting (dup, fork),
 * release on the last fput(), and reads into kernel buffers for exec.
 */
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

/*
 * Make a file on inode with open flags, taking a new inode reference, and
 * run f_op->open (which may replace f_op, as character devices do).
 * Returns 0 and the file in *out, or -errno with nothing held.
 */
int open_inode(struct inode *inode, unsigned int flags, struct file **out)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int err;

	if (!f)
		return -ENOMEM;
	iget(inode);
	f->inode = inode;
	f->f_op = inode->f_op;
	f->flags = flags & ~O_CLOEXEC;
	f->refcount = 1;
	mutex_init(&f->f_pos_lock);
	if (f->f_op && f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			iput(inode);
			kfree(f);
			return err;
		}
	}
	*out = f;
	return 0;
}

bool file_pos_atomic(struct file *f)
{
	return S_ISREG(f->inode->mode) || S_ISDIR(f->inode->mode);
}

struct file *get_file(struct file *f)
{
	__atomic_add_fetch(&f->refcount, 1, __ATOMIC_RELAXED);
	return f;
}

/* Drop a reference; the last one releases the file (may sleep). */
void fput(struct file *f)
{
	if (__atomic_sub_fetch(&f->refcount, 1, __ATOMIC_ACQ_REL))
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->inode, f);
	iput(f->inode);
	kfree(f);
}

int vfs_open(const char *path, unsigned int flags, umode_t mode, struct file **out)
{
	return vfs_open_at(root_inode, path, flags, mode, out);
}

ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	if (!f->f_op || !f->f_op->read_kernel)
		return -EINVAL;
	return f->f_op->read_kernel(f, buf, MIN(n, MAX_RW_COUNT), pos);
}
