/*
 * Interfaces between the files of kernel/fs/ (not for the rest of the
 * kernel, which uses <kernel/vfs.h>).
 */
#ifndef KERNEL_FS_INTERNAL_H
#define KERNEL_FS_INTERNAL_H

#include <kernel/errno.h>
#include <kernel/vfs.h>

#include "cpio.h"
#include "path.h"

/* Largest count one read or write moves (Linux's MAX_RW_COUNT). */
#define MAX_RW_COUNT 0x7ffff000UL

/* ---- inode.c, file.c ---- */
/* A file for inode (takes its own inode reference) with f_op->open run. */
int open_inode(struct inode *inode, unsigned int flags, struct file **out);
bool file_pos_atomic(struct file *f);	/* take f_pos_lock around pos use */

/* ---- namei.c ---- */
/* Resolve path from base (NULL: the current directory). A referenced inode. */
int path_lookup_at(struct inode *base, const char *path, struct inode **out);
/* Resolve all but the last component: the referenced parent directory and
 * the last name (len 0 when the path is "/" or ends in "." / "..": *last
 * then points to that component or is NULL). */
int path_parent_at(struct inode *base, const char *path, struct inode **dir,
		   const char **last, size_t *len);
/* Open (with O_CREAT / O_EXCL / O_TRUNC / O_DIRECTORY) path from base.
 * These return 0 or -errno, like everything below. */
int vfs_open_at(struct inode *base, const char *path, unsigned int flags, umode_t mode,
		struct file **out);
int vfs_mkdir_at(struct inode *base, const char *path, umode_t mode);
int vfs_mknod_at(struct inode *base, const char *path, umode_t mode, u32 rdev);
/* The current task's working directory (referenced), or NULL for a task
 * without files (lookups then start at the root). */
struct fs_cwd *get_cwd(void);
void put_cwd(struct fs_cwd *cwd);
struct fs_cwd *make_cwd(struct inode *inode, const char *path);
/* Copy a user path into a new PATH_MAX kernel buffer (kfree it). */
int getname(const char __user *upath, char **out);
/* The directory a *at() call starts from: dfd (a directory) or the cwd, or
 * the root for an absolute path. A referenced inode or -errno. */
int dfd_base(int dfd, const char *path, struct inode **out);

/* ---- ramfs.c ---- */
extern const struct inode_operations ramfs_dir_iops;
extern const struct inode_operations ramfs_ro_dir_iops;
extern const struct file_operations ramfs_dir_fops;
/* A new directory (refcount 1) whose ".." is parent (NULL: itself). */
struct inode *ramfs_new_dir(struct inode *parent, umode_t mode,
			    const struct inode_operations *iop);
/* Add inode under name in a ramfs directory (takes over one reference). */
int ramfs_dir_add(struct inode *dir, const char *name, size_t len, struct inode *inode);
/* Look up name in a ramfs directory without "." / ".." (referenced or NULL). */
struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len);
int ramfs_iterate(struct file *file, struct dir_context *ctx);
size_t ramfs_dir_count(struct inode *dir);	/* entries, without "." and ".." */
/* Write a kernel buffer into a ramfs regular file at pos. */
ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos);

/* ---- readdir.c ---- */
/* Emit "." and ".." for ctx->pos 0 and 1; false if the buffer is full. */
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t n, loff_t *pos);
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10
static inline unsigned int dt_type(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* ---- chrdev.c ---- */
extern const struct file_operations def_chr_fops;

/* ---- pseudo.c: text attribute files and read-only directories ---- */
struct pseudo_attr {
	pseudo_show_t show;
	pseudo_store_t store;
};
/* A file rendering attr (the attr must stay alive as long as the inode). */
struct inode *pseudo_new_file(umode_t mode, const struct pseudo_attr *attr);
/* Create (or find) the directories of path below root and add inode as
 * its last component (inode NULL: path names a directory to make).
 * Takes over the inode reference, also on error. */
int pseudo_add_path(struct inode *root, const char *path, struct inode *inode);
/* file_operations helpers for seq_buf-backed files: file->private_data is
 * a struct seq_buf filled by open. */
ssize_t seq_buf_file_read(struct file *file, char __user *buf, size_t n, loff_t *pos);
loff_t seq_buf_file_llseek(struct file *file, loff_t off, int whence);
void seq_buf_file_release(struct inode *inode, struct file *file);
/* Largest offset for llseek on files of size (SEEK_SET/CUR/END), or -EINVAL. */
loff_t fixed_size_llseek(struct file *file, loff_t off, int whence, loff_t size);
/* The same without SEEK_END, for positions that are cookies. */
loff_t no_seek_end_llseek(struct file *file, loff_t off, int whence);

/* ---- procfs.c, sysfs.c, devices.c, tty.c ---- */
struct inode *procfs_init(void);
struct inode *sysfs_init(void);
void devices_init(void);
void tty_init(void);

#endif
