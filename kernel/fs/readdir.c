/*
 * getdents64: directory entries as struct linux_dirent64 records. The
 * file system's iterate_dir fills a kernel buffer (so it may hold its own
 * locks), which is then copied out in one piece; the directory position
 * moves only when the copy succeeded.
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/slab.h>

#include "internal.h"

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
};

#define GETDENTS_CHUNK (16 * 1024)	/* most bytes one call returns */

struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	bool full;		/* an entry did not fit */
};

static bool filldir64(struct dir_context *ctx, const char *name, size_t len,
		      unsigned long ino, unsigned int dtype)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + len + 1, 8);
	struct linux_dirent64 *d;

	if (reclen > g->size - g->used) {
		g->full = true;
		return false;
	}
	d = (struct linux_dirent64 *)(g->buf + g->used);
	memset(d, 0, reclen);
	d->d_ino = ino;
	d->d_off = ctx->pos + 1;
	d->d_reclen = reclen;
	d->d_type = dtype;
	memcpy(d->d_name, name, len);
	g->used += reclen;
	return true;
}

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, dir->ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *parent = dir->i_parent ? dir->i_parent : dir;

		if (!ctx->actor(ctx, "..", 2, parent->ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	(void)file, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count)
{
	struct getdents_ctx g = { .ctx.actor = filldir64 };
	struct file *f;
	long ret;

	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -ENOTDIR;
	if (!f->f_op || !f->f_op->iterate_dir)
		goto out;
	ret = -EFAULT;
	if (!access_ok(dirent, count))
		goto out;
	g.size = MIN((size_t)count, GETDENTS_CHUNK);
	ret = -ENOMEM;
	g.buf = kmalloc(g.size ? g.size : 1, GFP_KERNEL);
	if (!g.buf)
		goto out;

	mutex_lock(&f->f_pos_lock);
	g.ctx.pos = f->pos;
	ret = f->f_op->iterate_dir(f, &g.ctx);
	if (!ret && !g.used && g.full)
		ret = -EINVAL;		/* not even one entry fits */
	if (!ret && g.used) {
		if (copy_to_user(dirent, g.buf, g.used))
			ret = -EFAULT;
		else
			ret = g.used;
	}
	if (ret >= 0)
		f->pos = g.ctx.pos;
	mutex_unlock(&f->f_pos_lock);
	kfree(g.buf);
out:
	fput(f);
	return ret;
}
