/*
 * initramfs_unpack: fill the root ramfs from a cpio "newc" archive (the
 * ramdisk the boot loader passed). Directories and regular files are
 * created with their modes (missing parent directories too), character
 * devices become device nodes, symlinks and other types are skipped with
 * a note. A malformed archive stops the unpacking with a message; what was
 * unpacked before it stays.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

/* Create every missing directory on the way to the last component. */
static void make_parents(char *path)
{
	char *slash;

	for (slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		vfs_mkdir_at(root_inode, path, 0755);
		*slash = '/';
	}
}

static int unpack_file(const char *path, const struct cpio_entry *e)
{
	struct file *f;
	ssize_t n;
	int err;

	err = vfs_open_at(root_inode, path, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777, &f);
	if (err)
		return err;
	n = e->size ? ramfs_write_kernel(f->inode, e->data, e->size, 0) : 0;
	fput(f);
	if (n < 0)
		return (int)n;
	return (size_t)n == e->size ? 0 : -ENOSPC;
}

static int unpack_entry(const struct cpio_entry *e, char *path)
{
	const char *name = e->name;
	int err = 0;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (!*name || !strcmp(name, "."))
		return 0;
	if (strlen(name) + 2 > PATH_MAX)
		return -ENAMETOOLONG;
	snprintf(path, PATH_MAX, "/%s", name);
	make_parents(path);

	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = vfs_mkdir_at(root_inode, path, e->mode & 07777);
		if (err == -EEXIST)
			err = 0;
		break;
	case S_IFREG:
		err = unpack_file(path, e);
		break;
	case S_IFCHR:
		err = vfs_mknod_at(root_inode, path, e->mode,
				   MKDEV(e->rdev_major, e->rdev_minor));
		if (err == -EEXIST)
			err = 0;	/* the kernel made it already */
		break;
	default:
		printk("initramfs: %s: type %o not supported, skipped\n", path,
		       e->mode & S_IFMT);
		break;
	}
	return err;
}

int initramfs_unpack(const void *cpio, size_t size)
{
	struct cpio_reader r = { .buf = cpio, .size = size };
	struct cpio_entry e;
	const char *why;
	int files = 0, ret, err;
	char *path;

	if (!cpio || !size)
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	while ((ret = cpio_next(&r, &e, &why)) > 0) {
		err = unpack_entry(&e, path);
		if (err)
			printk("initramfs: %s: error %d\n", e.name, err);
		else
			files++;
	}
	if (ret < 0)
		printk("initramfs: malformed archive at offset %zu: %s\n", r.off, why);
	else
		printk("initramfs: %d entries unpacked\n", files);
	kfree(path);
	return ret;
}
