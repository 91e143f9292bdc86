/*
 * Pseudo files, the common part of /proc and /sys: text files rendered
 * into a seq_buf at open and read from it at the file position, writable
 * attribute files whose store() parses what was written, and building the
 * kernel-owned directories on a path (pseudo_add_path).
 */
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

#define STORE_MAX PAGE_SIZE	/* most bytes one write to an attribute takes */

ssize_t seq_buf_file_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	struct seq_buf *s = file->private_data;
	size_t avail;

	if (!s || *pos >= (loff_t)s->len)
		return 0;
	avail = MIN(n, s->len - (size_t)*pos);
	if (copy_to_user(buf, s->buf + *pos, avail))
		return -EFAULT;
	*pos += avail;
	return avail;
}

loff_t seq_buf_file_llseek(struct file *file, loff_t off, int whence)
{
	struct seq_buf *s = file->private_data;

	return fixed_size_llseek(file, off, whence, s ? (loff_t)s->len : 0);
}

void seq_buf_file_release(struct inode *inode, struct file *file)
{
	struct seq_buf *s = file->private_data;

	(void)inode;
	if (s) {
		seq_buf_free(s);
		kfree(s);
	}
}

/* Render the attribute when opened for reading. */
static int attr_open(struct inode *inode, struct file *file)
{
	const struct pseudo_attr *attr = inode->i_private;
	struct seq_buf *s;

	if ((file->flags & O_ACCMODE) == O_WRONLY || !attr->show)
		return 0;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	seq_buf_init(s);
	attr->show(s);
	file->private_data = s;
	return 0;
}

static ssize_t attr_write(struct file *file, const char __user *buf, size_t n, loff_t *pos)
{
	const struct pseudo_attr *attr = file->inode->i_private;
	char *kbuf;
	int err;

	(void)pos;
	if (!attr->store)
		return -EIO;
	if (n >= STORE_MAX)
		return -EINVAL;
	kbuf = kmalloc(n + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, buf, n)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[n] = '\0';
	err = attr->store(kbuf, n);
	kfree(kbuf);
	return err ? err : (ssize_t)n;
}

static const struct file_operations attr_fops = {
	.open = attr_open,
	.read = seq_buf_file_read,
	.write = attr_write,
	.llseek = seq_buf_file_llseek,
	.release = seq_buf_file_release,
};

static const struct inode_operations attr_iops;	/* the attr is not ours to free */

struct inode *pseudo_new_file(umode_t mode, const struct pseudo_attr *attr)
{
	struct inode *inode = new_inode(S_IFREG | mode, &attr_iops, &attr_fops);

	if (inode)
		inode->i_private = (void *)attr;
	return inode;
}

int pseudo_add_path(struct inode *root, const char *path, struct inode *inode)
{
	struct inode *dir = root, *next;
	const char *p = path, *name;
	size_t len;
	int err = 0;

	iget(dir);
	for (;;) {
		p = path_next(p, &name, &len);
		if (!len || len > NAME_MAX) {
			err = -EINVAL;
			break;
		}
		if (path_at_end(p) && inode) {
			iget(inode);
			err = ramfs_dir_add(dir, name, len, inode);
			break;
		}
		next = ramfs_lookup(dir, name, len);
		if (!next) {
			next = ramfs_new_dir(dir, 0555, &ramfs_ro_dir_iops);
			if (!next) {
				err = -ENOMEM;
				break;
			}
			iget(next);
			err = ramfs_dir_add(dir, name, len, next);
			if (err == -EEXIST) {	/* made meanwhile by someone else */
				iput(next);
				next = ramfs_lookup(dir, name, len);
				err = next ? 0 : -ENOENT;
			} else if (err) {
				iput(next);
			}
			if (err)
				break;
		}
		iput(dir);
		dir = next;
		if (!S_ISDIR(dir->mode)) {
			err = -ENOTDIR;
			break;
		}
		if (path_at_end(p))
			break;		/* directories only (inode == NULL) */
	}
	iput(dir);
	if (inode)
		iput(inode);
	return err;
}
