/*
 * vfs_init: build the file-system tree the first process sees: a ramfs
 * root with /dev (console, tty, null, zero), /tmp, and procfs and sysfs
 * linked in at /proc and /sys. Runs once at boot, after sched_init().
 */
#include <kernel/printk.h>
#include <mm/debug_vm.h>
#include <mm/proc_files.h>

#include "internal.h"

static const struct {
	const char *path;
	u32 rdev;
} dev_nodes[] = {
	{ "/dev/console", MKDEV(5, 1) },
	{ "/dev/tty", MKDEV(5, 0) },
	{ "/dev/null", MKDEV(1, 3) },
	{ "/dev/zero", MKDEV(1, 5) },
};

void vfs_init(void)
{
	struct inode *proc, *sys;
	size_t i;

	root_inode = ramfs_new_dir(NULL, 0755, &ramfs_dir_iops);
	if (!root_inode)
		panic("vfs: no memory for the root directory\n");
	tty_init();
	devices_init();
	if (vfs_mkdir_at(root_inode, "/dev", 0755) || vfs_mkdir_at(root_inode, "/tmp", 01777))
		panic("vfs: cannot create /dev and /tmp\n");
	for (i = 0; i < ARRAY_SIZE(dev_nodes); i++)
		if (vfs_mknod_at(root_inode, dev_nodes[i].path, S_IFCHR | 0666, dev_nodes[i].rdev))
			panic("vfs: cannot create %s\n", dev_nodes[i].path);
	proc = procfs_init();
	sys = sysfs_init();
	if (!proc || !sys || ramfs_dir_add(root_inode, "proc", 4, proc) ||
	    ramfs_dir_add(root_inode, "sys", 3, sys))
		panic("vfs: cannot mount /proc and /sys\n");
	mm_files_init();
	vm_check_init();
}
