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
#include <asm/fcntl.h>		/* O_DIRECTORY, O_NOFOLLOW: differ per arch */

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
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)

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
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_NO_AUTOMOUNT 0x800
#define AT_EMPTY_PATH 0x1000

#define PATH_MAX 4096		/* bytes in a path, with the NUL */
#define NAME_MAX 255		/* bytes in one component */

/* Device numbers as Linux keeps them inside the kernel (12:20 bits). */
#define MINORBITS 20
#define MKDEV(ma, mi) (((u32)(ma) << MINORBITS) | (u32)(mi))
#define MAJOR(dev) ((u32)(dev) >> MINORBITS)
#define MINOR(dev) ((u32)(dev) & ((1U << MINORBITS) - 1))

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
	/* Remove an empty directory (-ENOTDIR, -ENOTEMPTY). */
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	/* Create a device node or FIFO (mode has the type, rdev = MKDEV()). */
	int (*mknod)(struct inode *dir, const char *name, size_t len, umode_t mode, u32 rdev);
	/* Set the size of a regular file (O_TRUNC); new bytes read as zero. */
	int (*truncate)(struct inode *inode, loff_t size);
	/* Free the file system's private data; the last iput() calls it. */
	void (*evict)(struct inode *inode);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char __user *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t n, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t off, int whence);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*iterate_dir)(struct file *file, struct dir_context *ctx);
	void (*release)(struct inode *inode, struct file *file);
	/* Read into a kernel buffer at pos (kernel_read, for exec). */
	ssize_t (*read_kernel)(struct file *file, void *buf, size_t n, loff_t pos);
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
	struct inode *i_parent;		/* directories: the one holding it (a
					 * reference; the root points to itself
					 * through NULL); ".." follows it */
};

struct file {
	struct inode *inode;
	const struct file_operations *f_op;
	loff_t pos;
	unsigned int flags;		/* O_* */
	int refcount;
	void *private_data;
	struct mutex f_pos_lock;	/* regular files, directories: pos updates */
};

#define NR_OPEN 64

struct files_struct {
	spinlock_t lock;
	int refcount;			/* tasks sharing it (CLONE_FILES) */
	struct file *fd[NR_OPEN];
	u64 cloexec;			/* bit per fd */
	struct fs_cwd *cwd;		/* working directory (as Linux's fs_struct) */
};

/* A working directory: immutable once made, shared by reference. */
struct fs_cwd {
	int refcount;
	struct inode *inode;
	char path[];			/* canonical absolute path */
};

/* Boot: mount the root ramfs, /dev, /proc, /sys; unpack the initramfs
 * (0, or -EINVAL for a malformed archive after unpacking what came first). */
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
 * the caller's reference); returns the descriptor, or -EMFILE and the
 * reference stays with the caller. */
int fd_install_lowest(struct file *f, unsigned int flags);
/* The file at fd of the current task, with a reference; NULL if none. */
struct file *fget(int fd);

/* Inodes. */
struct inode *new_inode(umode_t mode, const struct inode_operations *iop,
			const struct file_operations *fop);
void iget(struct inode *inode);
void iput(struct inode *inode);

/* The root directory (a ramfs); set by vfs_init(). */
extern struct inode *root_inode;

/* The console device every first process gets as fds 0, 1 and 2. */
int open_console(struct file **out);
/* Called by the arch console driver's receive interrupt. */
void console_rx_notify(void);

/* Character devices: inodes with S_IFCHR and rdev open through this table. */
int register_chrdev(u32 rdev, const struct file_operations *fops);

/*
 * Pseudo files (/proc, /sys). Text files render their whole content into a
 * seq_buf when opened; read() then copies from it at the file position.
 * Adding a file is one call:
 *
 *   proc_create("vmstat", show_vmstat);                  /proc/vmstat
 *   proc_pid_create("smaps", show_smaps);                /proc/<pid>/smaps
 *   sysfs_create_file("kernel/mm/transparent_hugepage/enabled",
 *                     show_enabled, store_enabled);      writable
 *
 * store gets the written bytes as a NUL-terminated kernel string (at most
 * one page) and returns 0 or -errno. Files that need more (binary data
 * read at an offset, ioctl) give their own file_operations with the _ops
 * variants; proc_pid_create_read() gives a per-process binary file whose
 * read gets the task's mm (with a reference, mmap_lock not held).
 * Directories on the way are created as needed. Return 0 or -errno.
 */
struct seq_buf;
struct mm_struct;
typedef void (*pseudo_show_t)(struct seq_buf *s);
typedef int (*pseudo_store_t)(const char *buf, size_t n);
typedef void (*proc_show_mm_t)(struct seq_buf *s, struct mm_struct *mm);
typedef ssize_t (*proc_read_mm_t)(struct mm_struct *mm, char __user *buf, size_t n,
				  loff_t pos);

int proc_create(const char *path, pseudo_show_t show);
int proc_create_ops(const char *path, umode_t mode, const struct file_operations *fops);
int proc_pid_create(const char *name, proc_show_mm_t show);
int proc_pid_create_read(const char *name, proc_read_mm_t read);
int sysfs_create_file(const char *path, pseudo_show_t show, pseudo_store_t store);
int sysfs_create_ops(const char *path, umode_t mode, const struct file_operations *fops);
/* llseek for files whose positions are offsets into something without an
 * end, e.g. binary /proc files read at an offset: SEEK_SET and SEEK_CUR
 * only (kernel/fs/read_write.c). */
loff_t no_seek_end_llseek(struct file *file, loff_t off, int whence);

#endif
