/*
 * sysfs, mounted at /sys: kernel-owned directories (users cannot create or
 * remove anything) holding attribute files added by sysfs_create_file()
 * (text, optionally writable) or sysfs_create_ops() (own operations, e.g.
 * an ioctl). The skeleton /sys/kernel/mm exists from the start.
 */
#include <kernel/printk.h>
#include <mm/slab.h>

#include "internal.h"

static struct inode *sysfs_root;

int sysfs_create_file(const char *path, pseudo_show_t show, pseudo_store_t store)
{
	struct pseudo_attr *attr = kzalloc(sizeof(*attr), GFP_KERNEL);
	struct inode *inode;

	if (!attr)
		return -ENOMEM;
	attr->show = show;
	attr->store = store;
	inode = pseudo_new_file((show ? 0444 : 0) | (store ? 0200 : 0), attr);
	if (!inode) {
		kfree(attr);
		return -ENOMEM;
	}
	return pseudo_add_path(sysfs_root, path, inode);
}

int sysfs_create_ops(const char *path, umode_t mode, const struct file_operations *fops)
{
	struct inode *inode = new_inode(S_IFREG | (mode & 07777), NULL, fops);

	return inode ? pseudo_add_path(sysfs_root, path, inode) : -ENOMEM;
}

/* Make the /sys directory (the caller links it into the root). */
struct inode *sysfs_init(void)
{
	sysfs_root = ramfs_new_dir(root_inode, 0555, &ramfs_ro_dir_iops);
	if (sysfs_root && pseudo_add_path(sysfs_root, "kernel/mm", NULL))
		printk("sysfs: cannot create /sys/kernel/mm\n");
	return sysfs_root;
}
