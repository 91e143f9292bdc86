/*
 * Self-tests of the VFS on the live system (they need the tree vfs_init
 * built): path lookup with "." / ".." / trailing slashes, ramfs files and
 * directories through the kernel-side calls, directory listing, pseudo
 * files, and that a malformed cpio archive is refused. Files go to /tmp.
 */
#include <kernel/selftest.h>
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

static int lookup_mode(const char *path, umode_t *mode)
{
	struct inode *inode;
	int err = path_lookup_at(NULL, path, &inode);

	if (!err) {
		*mode = inode->mode;
		iput(inode);
	}
	return err;
}

KTEST(vfs_path_lookup)
{
	umode_t mode = 0;

	KTEST_ASSERT(!lookup_mode("/dev/null", &mode) && S_ISCHR(mode), "/dev/null");
	KTEST_ASSERT(!lookup_mode("//dev/../dev/./null", &mode) && S_ISCHR(mode), "dots");
	KTEST_ASSERT(!lookup_mode("/..", &mode) && S_ISDIR(mode), "/.. is the root");
	KTEST_ASSERT(!lookup_mode("/proc/self/", &mode) && S_ISDIR(mode), "/proc/self/");
	KTEST_ASSERT(lookup_mode("/dev/null/", &mode) == -ENOTDIR, "file with a slash");
	KTEST_ASSERT(lookup_mode("/dev/null/x", &mode) == -ENOTDIR, "file as a directory");
	KTEST_ASSERT(lookup_mode("/nonexistent", &mode) == -ENOENT, "missing");
	KTEST_ASSERT(lookup_mode("", &mode) == -ENOENT, "empty path");
}

KTEST(vfs_ramfs_file_roundtrip)
{
	static const size_t size = 3 * PAGE_SIZE + 123;
	unsigned long free0;
	struct file *f;
	char *buf = kmalloc(size, GFP_KERNEL), *back = kmalloc(size, GFP_KERNEL);
	struct inode *dir;
	size_t i;

	KTEST_ASSERT(buf && back, "no memory");
	for (i = 0; i < size; i++)
		buf[i] = (char)(i * 7);
	kmalloc_shrink();
	free0 = nr_free_pages();
	KTEST_ASSERT(!vfs_open("/tmp/kt_file", O_RDWR | O_CREAT | O_EXCL, 0644, &f), "create");
	KTEST_ASSERT(ramfs_write_kernel(f->inode, buf, size, 0) == (ssize_t)size, "write");
	KTEST_ASSERT(f->inode->size == (loff_t)size, "size %lld", f->inode->size);
	KTEST_ASSERT(kernel_read(f, back, size + 100, 0) == (ssize_t)size, "read all");
	KTEST_ASSERT(!memcmp(buf, back, size), "contents differ");
	KTEST_ASSERT(kernel_read(f, back, 10, PAGE_SIZE - 5) == 10 &&
		     !memcmp(back, buf + PAGE_SIZE - 5, 10), "read across a page boundary");
	KTEST_ASSERT(kernel_read(f, back, 10, size) == 0, "read at the end");
	fput(f);
	KTEST_ASSERT(vfs_open("/tmp/kt_file", O_RDWR | O_CREAT | O_EXCL, 0644, &f) == -EEXIST,
		     "O_EXCL on an existing file");
	KTEST_ASSERT(!vfs_open("/tmp/kt_file", O_RDWR | O_TRUNC, 0, &f), "open O_TRUNC");
	KTEST_ASSERT(f->inode->size == 0, "truncated");
	fput(f);
	KTEST_ASSERT(!path_lookup_at(NULL, "/tmp", &dir), "/tmp");
	KTEST_ASSERT(!dir->i_op->unlink(dir, "kt_file", 7), "unlink");
	KTEST_ASSERT(dir->i_op->unlink(dir, "kt_file", 7) == -ENOENT, "unlink twice");
	iput(dir);
	kfree(buf);
	kfree(back);
	kmalloc_shrink();
	KTEST_ASSERT(nr_free_pages() >= free0, "%lu pages leaked", free0 - nr_free_pages());
}

KTEST(vfs_mkdir_rmdir)
{
	struct inode *tmp;
	struct file *f;

	KTEST_ASSERT(!vfs_mkdir_at(NULL, "/tmp/kt_dir", 0755), "mkdir");
	KTEST_ASSERT(vfs_mkdir_at(NULL, "/tmp/kt_dir", 0755) == -EEXIST, "mkdir twice");
	KTEST_ASSERT(!vfs_open("/tmp/kt_dir/../kt_dir/f", O_WRONLY | O_CREAT, 0644, &f), "file");
	fput(f);
	KTEST_ASSERT(vfs_open("/tmp/kt_dir", O_WRONLY, 0, &f) == -EISDIR, "write a dir");
	KTEST_ASSERT(vfs_open("/tmp/kt_dir/f", O_RDONLY | O_DIRECTORY, 0, &f) == -ENOTDIR,
		     "O_DIRECTORY on a file");
	KTEST_ASSERT(!path_lookup_at(NULL, "/tmp", &tmp), "/tmp");
	KTEST_ASSERT(tmp->i_op->rmdir(tmp, "kt_dir", 6) == -ENOTEMPTY, "rmdir non-empty");
	KTEST_ASSERT(tmp->i_op->unlink(tmp, "kt_dir", 6) == -EISDIR, "unlink a directory");
	iput(tmp);
	KTEST_ASSERT(!path_lookup_at(NULL, "/tmp/kt_dir", &tmp), "kt_dir");
	KTEST_ASSERT(tmp->i_op->rmdir(tmp, "f", 1) == -ENOTDIR, "rmdir a file");
	KTEST_ASSERT(!tmp->i_op->unlink(tmp, "f", 1), "unlink f");
	iput(tmp);
	KTEST_ASSERT(!path_lookup_at(NULL, "/tmp", &tmp), "/tmp");
	KTEST_ASSERT(!tmp->i_op->rmdir(tmp, "kt_dir", 6), "rmdir");
	iput(tmp);
}

struct names_ctx {
	struct dir_context ctx;
	char names[256];
	size_t len;
};

static bool collect(struct dir_context *ctx, const char *name, size_t len, unsigned long ino,
		    unsigned int dtype)
{
	struct names_ctx *c = container_of(ctx, struct names_ctx, ctx);

	(void)ino, (void)dtype;
	if (c->len + len + 2 > sizeof(c->names))
		return false;
	memcpy(c->names + c->len, name, len);
	c->len += len;
	c->names[c->len++] = ' ';
	c->names[c->len] = '\0';
	return true;
}

KTEST(vfs_iterate_dev_and_proc)
{
	struct names_ctx c = { .ctx.actor = collect };
	struct file *f;

	KTEST_ASSERT(!vfs_open("/dev", O_RDONLY | O_DIRECTORY, 0, &f), "open /dev");
	f->f_op->iterate_dir(f, &c.ctx);
	fput(f);
	KTEST_ASSERT(!strncmp(c.names, ". .. ", 5), "dots first: %s", c.names);
	KTEST_ASSERT(strstr(c.names, " console ") && strstr(c.names, " null ") &&
		     strstr(c.names, " zero "), "/dev lists: %s", c.names);

	c.len = 0;
	c.ctx.pos = 0;
	KTEST_ASSERT(!vfs_open("/proc", O_RDONLY | O_DIRECTORY, 0, &f), "open /proc");
	f->f_op->iterate_dir(f, &c.ctx);
	fput(f);
	KTEST_ASSERT(strstr(c.names, " meminfo ") && strstr(c.names, " self "), "/proc: %s",
		     c.names);
}

static void show_answer(struct seq_buf *s)
{
	seq_printf(s, "42\n");
}

KTEST(vfs_sysfs_text_file)
{
	struct seq_buf *s;
	struct file *f;

	KTEST_ASSERT(!sysfs_create_file("kernel/ktest/answer", show_answer, NULL), "create");
	KTEST_ASSERT(sysfs_create_file("kernel/ktest/answer", show_answer, NULL) == -EEXIST,
		     "create twice");
	KTEST_ASSERT(!vfs_open("/sys/kernel/ktest/answer", O_RDONLY, 0, &f), "open");
	s = f->private_data;
	KTEST_ASSERT(s && s->len == 3 && !memcmp(s->buf, "42\n", 3), "content");
	fput(f);
	KTEST_ASSERT(vfs_open("/sys/kernel/ktest/answer", O_WRONLY, 0, &f) == -EACCES,
		     "read-only attribute opened for writing");
	KTEST_ASSERT(vfs_open("/sys/kernel/ktest/new", O_WRONLY | O_CREAT, 0644, &f) == -EACCES,
		     "users cannot create files in /sys");
}

KTEST(vfs_initramfs_rejects_garbage)
{
	static const char junk[] = "070701zzzzzzzz this is not an archive";
	static const char empty_trailer[] =
		"0707010000000000000000000000000000000000000000000000000000000000"
		"0000000000000000000000000000000000000B00000000" "TRAILER!!!\0\0\0";

	KTEST_ASSERT(initramfs_unpack(junk, sizeof(junk)) == -EINVAL, "garbage accepted");
	KTEST_ASSERT(initramfs_unpack(junk, 3) == -EINVAL, "short buffer accepted");
	KTEST_ASSERT(initramfs_unpack(empty_trailer, sizeof(empty_trailer)) == 0,
		     "an archive with only the trailer");
}
