/*
 * Pipes: pipe/pipe2. A pipe is a ring of PIPE_DEF_BUFFERS page-sized
 * buffers (64 KiB), each naming a folio, an offset and a length as Linux's
 * pipe_buffer does, so that a later vmsplice can queue references to user
 * pages instead of copies. Readers and writers sleep on wait queues; a
 * write of at most PIPE_BUF bytes is never split; reading with no writers
 * left gives end of file, writing with no readers left gives SIGPIPE and
 * -EPIPE.
 *
 * Locking: pipe->mutex guards everything in struct pipe (copies to and
 * from user memory run under it and may fault and sleep).
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/page.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>

#include "internal.h"

#define PIPE_DEF_BUFFERS 16
#define PIPE_BUF 4096		/* writes up to this size are atomic */

struct pipe_buffer {
	struct folio *folio;
	unsigned int offset, len;
};

struct pipe {
	struct mutex mutex;
	struct wait_queue_head rd_wait, wr_wait;
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
	unsigned int head, tail;	/* bufs[tail % N] .. bufs[(head-1) % N] hold data */
	int readers, writers;		/* open files of each kind */
};

static const struct file_operations pipe_fops;
static const struct inode_operations pipe_iops;

static bool pipe_empty(struct pipe *p)
{
	return p->head == p->tail;
}

static bool pipe_full(struct pipe *p)
{
	return p->head - p->tail >= PIPE_DEF_BUFFERS;
}

/* Bytes a write could add now without sleeping. */
static size_t pipe_space(struct pipe *p)
{
	size_t space = (PIPE_DEF_BUFFERS - (p->head - p->tail)) * PAGE_SIZE;

	if (!pipe_empty(p)) {
		struct pipe_buffer *last = &p->bufs[(p->head - 1) % PIPE_DEF_BUFFERS];

		space += PAGE_SIZE - (last->offset + last->len);
	}
	return space;
}

/* Lockless peeks for the wait conditions (re-checked under the mutex). */
static bool pipe_readable(struct pipe *p)
{
	return !pipe_empty(p) || !READ_ONCE(p->writers);
}

static bool pipe_writable(struct pipe *p, size_t need)
{
	return pipe_space(p) >= need || !READ_ONCE(p->readers);
}

static void pipe_buf_release(struct pipe_buffer *buf)
{
	folio_put(buf->folio);
	buf->folio = NULL;
}

static ssize_t pipe_read(struct file *file, char __user *ubuf, size_t n, loff_t *pos)
{
	struct pipe *p = file->inode->i_private;
	ssize_t ret = 0;
	bool was_full = false;

	(void)pos;
	if (!n)
		return 0;
	mutex_lock(&p->mutex);
	for (;;) {
		while (!pipe_empty(p) && (size_t)ret < n) {
			struct pipe_buffer *buf = &p->bufs[p->tail % PIPE_DEF_BUFFERS];
			size_t chunk = MIN(n - ret, (size_t)buf->len);
			size_t left = copy_to_user(ubuf + ret,
						   (char *)folio_address(buf->folio) + buf->offset,
						   chunk);

			chunk -= left;
			buf->offset += chunk;
			buf->len -= chunk;
			ret += chunk;
			if (!buf->len) {
				was_full |= pipe_full(p);
				pipe_buf_release(buf);
				p->tail++;
			}
			if (left) {
				if (!ret)
					ret = -EFAULT;
				goto out;
			}
		}
		if (ret || !p->writers)
			break;
		if (file->flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&p->mutex);
		ret = wait_event_interruptible(p->rd_wait, pipe_readable(p));
		mutex_lock(&p->mutex);
		if (ret)
			break;
	}
out:
	mutex_unlock(&p->mutex);
	if (ret > 0 || was_full)
		wake_up(&p->wr_wait);
	return ret;
}

/* Append up to n bytes from ubuf; pipe->mutex held. Bytes or -errno. */
static ssize_t pipe_fill(struct pipe *p, const char __user *ubuf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		struct pipe_buffer *buf = NULL;
		size_t room = 0, chunk, left;

		if (!pipe_empty(p)) {
			buf = &p->bufs[(p->head - 1) % PIPE_DEF_BUFFERS];
			room = PAGE_SIZE - (buf->offset + buf->len);
		}
		if (!room) {
			struct folio *folio;

			if (pipe_full(p))
				break;
			folio = folio_alloc(0, 0);
			if (!folio)
				return done ? (ssize_t)done : -ENOMEM;
			buf = &p->bufs[p->head % PIPE_DEF_BUFFERS];
			buf->folio = folio;
			buf->offset = buf->len = 0;
			p->head++;
			room = PAGE_SIZE;
		}
		chunk = MIN(n - done, room);
		left = copy_from_user((char *)folio_address(buf->folio) + buf->offset + buf->len,
				      ubuf + done, chunk);
		buf->len += chunk - left;
		done += chunk - left;
		if (!buf->len) {		/* a fresh buffer that got nothing */
			pipe_buf_release(buf);
			p->head--;
		}
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static ssize_t pipe_write(struct file *file, const char __user *ubuf, size_t n, loff_t *pos)
{
	struct pipe *p = file->inode->i_private;
	size_t need = n <= PIPE_BUF ? n : 1;	/* room that must be free to start */
	ssize_t ret = 0, done;

	(void)pos;
	if (!n)
		return 0;
	mutex_lock(&p->mutex);
	for (;;) {
		if (!p->readers) {
			send_signal(current, SIGPIPE);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (pipe_space(p) >= need) {
			done = pipe_fill(p, ubuf + ret, n - ret);
			if (done < 0) {
				if (!ret)
					ret = done;
				break;
			}
			ret += done;
			if (done)
				wake_up(&p->rd_wait);
			if ((size_t)ret == n)
				break;
			need = 1;
		}
		if (file->flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		mutex_unlock(&p->mutex);
		done = wait_event_interruptible(p->wr_wait, pipe_writable(p, need));
		mutex_lock(&p->mutex);
		if (done) {
			if (!ret)
				ret = done;
			break;
		}
	}
	mutex_unlock(&p->mutex);
	return ret;
}

/* The last close of one end wakes the other side. */
static void pipe_release(struct inode *inode, struct file *file)
{
	struct pipe *p = inode->i_private;

	mutex_lock(&p->mutex);
	if ((file->flags & O_ACCMODE) == O_RDONLY)
		p->readers--;
	else
		p->writers--;
	mutex_unlock(&p->mutex);
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);
}

static void pipe_evict(struct inode *inode)
{
	struct pipe *p = inode->i_private;

	while (!pipe_empty(p))
		pipe_buf_release(&p->bufs[p->tail++ % PIPE_DEF_BUFFERS]);
	kfree(p);
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
};

static const struct inode_operations pipe_iops = {
	.evict = pipe_evict,
};

/* A new pipe inode with files for its read and write ends. */
static int create_pipe_files(struct file **rd, struct file **wr, int flags)
{
	struct pipe *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct inode *inode;
	int err;

	if (!p)
		return -ENOMEM;
	mutex_init(&p->mutex);
	init_waitqueue_head(&p->rd_wait);
	init_waitqueue_head(&p->wr_wait);
	p->readers = p->writers = 1;
	inode = new_inode(S_IFIFO | 0600, &pipe_iops, &pipe_fops);
	if (!inode) {
		kfree(p);
		return -ENOMEM;
	}
	inode->i_private = p;
	err = open_inode(inode, O_RDONLY | (flags & O_NONBLOCK), rd);
	if (!err) {
		err = open_inode(inode, O_WRONLY | (flags & O_NONBLOCK), wr);
		if (err) {
			p->writers = 0;
			fput(*rd);
		}
	}
	if (err)
		p->readers = 0;
	iput(inode);
	return err;
}

long sys_pipe2(int __user *ufds, int flags)
{
	struct file *rd, *wr;
	int fds[2];
	long err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(&rd, &wr, flags);
	if (err)
		return err;
	fds[0] = fd_install_lowest(rd, flags);
	if (fds[0] < 0) {
		err = fds[0];
		fput(rd);
		fput(wr);
		return err;
	}
	fds[1] = fd_install_lowest(wr, flags);
	if (fds[1] < 0) {
		err = fds[1];
		sys_close(fds[0]);
		fput(wr);
		return err;
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		sys_close(fds[0]);
		sys_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}
