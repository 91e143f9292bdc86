/*
 * Character devices: a table from device number to file_operations. A
 * device inode (S_IFCHR, made by mknod or the initramfs) opens through
 * def_chr_fops, which switches the file to the driver's operations.
 */
#include <kernel/spinlock.h>

#include "internal.h"

#define MAX_CHRDEVS 16

static struct {
	u32 rdev;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEVS];
static int nr_chrdevs;
static DEFINE_SPINLOCK(chrdevs_lock);

int register_chrdev(u32 rdev, const struct file_operations *fops)
{
	int err = 0, i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].rdev == rdev)
			err = -EBUSY;
	if (!err && nr_chrdevs == MAX_CHRDEVS)
		err = -ENOSPC;
	if (!err) {
		chrdevs[nr_chrdevs].rdev = rdev;
		chrdevs[nr_chrdevs].fops = fops;
		nr_chrdevs++;
	}
	spin_unlock(&chrdevs_lock);
	return err;
}

static const struct file_operations *find_chrdev(u32 rdev)
{
	const struct file_operations *fops = NULL;
	int i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].rdev == rdev)
			fops = chrdevs[i].fops;
	spin_unlock(&chrdevs_lock);
	return fops;
}

/* Open of a device node: -ENXIO when no driver has its number. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = find_chrdev(inode->rdev);

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	return fops->open ? fops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
