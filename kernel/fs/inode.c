/*
 * Inodes: allocation, numbering and reference counting for every file
 * system. The last iput() lets the file system free its private data
 * (i_op->evict) and drops the reference a directory holds on its parent.
 */
#include <kernel/vfs.h>
#include <mm/slab.h>

static unsigned long last_ino;

/* A new inode with refcount 1 and nlink 1, or NULL when out of memory. */
struct inode *new_inode(umode_t mode, const struct inode_operations *iop,
			const struct file_operations *fop)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->mode = mode;
	inode->ino = __atomic_add_fetch(&last_ino, 1, __ATOMIC_RELAXED);
	inode->nlink = 1;
	inode->refcount = 1;
	inode->i_op = iop;
	inode->f_op = fop;
	mutex_init(&inode->lock);
	return inode;
}

void iget(struct inode *inode)
{
	__atomic_add_fetch(&inode->refcount, 1, __ATOMIC_RELAXED);
}

/* Drop a reference (NULL is allowed); may sleep in evict. */
void iput(struct inode *inode)
{
	while (inode && !__atomic_sub_fetch(&inode->refcount, 1, __ATOMIC_ACQ_REL)) {
		struct inode *parent = inode->i_parent;

		if (inode->i_op && inode->i_op->evict)
			inode->i_op->evict(inode);
		kfree(inode);
		inode = parent;	/* iterative: deep trees do not recurse */
	}
}
