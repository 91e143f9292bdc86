/*
 * The virtual file system: inodes, open files, file descriptors and path
 * lookup (kernel/fs/). Every file system (ramfs holding the initramfs,
 * devices, pipes, procfs, sysfs) supplies inode and file operations; the
 * system calls work only through them.
 *
 * Reference counts: an inode is held by each open file and by its parent
 * directory entry; a struct file by each descriptor that refers to it
 * (dup, fork). vfs_* functions take user pointers where the syscall does.
 */
#ifndef KERNEL_VFS_H
#define KERNEL_VFS_H

#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/syscalls.h>

typedef unsigned int umode_t;

/* Linux file types and open flags (same values on x86-64 and arm64,
 * except O_DIRECTORY/O_NOFOLLOW which differ and are defined per arch in
 * the user headers; the kernel uses the generic ones below). */
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)

#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_CLOEXEC 02000000
#define AT_FDCWD (-100)

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

struct inode;
struct file;

struct dir_context;
/* Called by iterate_dir for each entry; returns false when the buffer is full. */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, size_t len,
			  unsigned long ino, unsigned int dtype);
struct dir_context {
	filldir_t actor;
	loff_t pos;		/* entry index to resume from */
};

struct inode_operations {
	/* Find name in directory dir: a referenced inode, or NULL. */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* Create a regular file; returns 0 and a referenced inode in *out. */
	int (*create)(struct inode *dir, const char *name, size_t len, umode_t mode,
		      struct inode **out);
	int (*mkdir)(struct inode *dir, const char *name, size_t len, umode_t mode);
	int (*unlink)(struct inode *dir, const char *name, size_t len);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char __user *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t n, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t off, int whence);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*iterate_dir)(struct file *file, struct dir_context *ctx);
	void (*release)(struct inode *inode, struct file *file);
};

struct inode {
	umode_t mode;
	unsigned long ino;
	loff_t size;
	unsigned int nlink;
	int refcount;
	u32 rdev;			/* device number for S_IFCHR */
	const struct inode_operations *i_op;
	const struct file_operations *f_op;
	void *i_private;		/* owned by the file system */
	struct mutex lock;		/* serialises changes to the contents */
};

struct file {
	struct inode *inode;
	const struct file_operations *f_op;
	loff_t pos;
	unsigned int flags;		/* O_* */
	int refcount;
	void *private_data;
};

#define NR_OPEN 64

struct files_struct {
	spinlock_t lock;
	int refcount;			/* tasks sharing it (CLONE_FILES) */
	struct file *fd[NR_OPEN];
	u64 cloexec;			/* bit per fd */
};

/* Boot: mount the root ramfs, /dev, /proc, /sys; unpack the initramfs. */
void vfs_init(void);
int initramfs_unpack(const void *cpio, size_t size);

/* Open path (kernel string) relative to "/"; returns 0 and a file. */
int vfs_open(const char *path, unsigned int flags, umode_t mode, struct file **out);
/* Read into a kernel buffer (used by exec). Returns bytes or -errno. */
ssize_t kernel_read(struct file *f, void *buf, size_t n, loff_t pos);
struct file *get_file(struct file *f);		/* take a reference */
void fput(struct file *f);			/* drop one; release at zero */

/* Descriptor tables. */
struct files_struct *files_alloc(void);		/* empty table */
struct files_struct *dup_files(struct files_struct *old); /* fork copy */
void put_files(struct files_struct *files);	/* drop a reference; close all at zero */
void close_on_exec(struct files_struct *files);
/* Install f at the lowest free descriptor of the current task (takes over
 * the caller's reference); returns the descriptor or -EMFILE. */
int fd_install_lowest(struct file *f, unsigned int flags);
/* The file at fd of the current task, with a reference; NULL if none. */
struct file *fget(int fd);

/* Inodes. */
struct inode *new_inode(umode_t mode, const struct inode_operations *iop,
			const struct file_operations *fop);
void iget(struct inode *inode);
void iput(struct inode *inode);

/* The console device every first process gets as fds 0, 1 and 2. */
int open_console(struct file **out);
/* Called by the arch console driver's receive interrupt. */
void console_rx_notify(void);

#endif
