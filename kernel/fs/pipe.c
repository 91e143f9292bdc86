/*
 * Pipes: pipe/pipe2 and vmsplice. A pipe is a ring of PIPE_DEF_BUFFERS
 * page-sized buffers (64 KiB), each naming a folio, an offset and a length
 * as Linux's pipe_buffer does. write() copies into pipe-owned folios;
 * vmsplice() queues the user's own pages instead, each held by a read-only
 * pin (pin_user_pages, uapi.md "Pins"): the pipe then delivers the data as
 * it was when vmsplice ran, whatever the process writes later, because a
 * pinned anonymous page is exclusive and stays the page its owner maps
 * (COW copies away from it, never into it). A pin is dropped when its
 * bytes are read or the pipe is freed. Readers and writers sleep on wait
 * queues; a write of at most PIPE_BUF bytes is never split; reading with
 * no writers left gives end of file, writing with no readers left gives
 * SIGPIPE and -EPIPE.
 *
 * Locking: pipe->mutex guards everything in struct pipe (copies to and
 * from user memory run under it and may fault and sleep).
 */
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/gup.h>
#include <mm/page.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>

#include "internal.h"

#define PIPE_DEF_BUFFERS 16
#define PIPE_BUF 4096		/* writes up to this size are atomic */
#define UIO_MAXIOV 1024		/* most iovec segments one call takes */
#define SPLICE_F_NONBLOCK 0x02
#define SPLICE_F_ALL 0x0f	/* MOVE | NONBLOCK | MORE | GIFT */

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct pipe_buffer {
	struct folio *folio;
	unsigned int offset, len;	/* bytes at folio_address(folio) + offset */
	struct page *pinned;		/* vmsplice: the pinned user page, else NULL */
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

/* Bytes write() may append to buf: none to a user's page (vmsplice). */
static size_t pipe_buf_room(const struct pipe_buffer *buf)
{
	return buf->pinned ? 0 : PAGE_SIZE - (buf->offset + buf->len);
}

/* Bytes a write could add now without sleeping. */
static size_t pipe_space(struct pipe *p)
{
	size_t space = (PIPE_DEF_BUFFERS - (p->head - p->tail)) * PAGE_SIZE;

	if (!pipe_empty(p))
		space += pipe_buf_room(&p->bufs[(p->head - 1) % PIPE_DEF_BUFFERS]);
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

/* A free buffer slot (vmsplice queues whole buffers). */
static bool pipe_slot_free(struct pipe *p)
{
	return !pipe_full(p) || !READ_ONCE(p->readers);
}

static void pipe_buf_release(struct pipe_buffer *buf)
{
	if (buf->pinned)
		unpin_user_page(buf->pinned);
	else
		folio_put(buf->folio);
	buf->folio = NULL;
	buf->pinned = NULL;
}

/*
 * Copy up to n bytes out of the pipe into ubuf, sleeping for data unless
 * nonblock. Bytes, 0 at end of file, or -errno. Takes pipe->mutex.
 */
static ssize_t pipe_read_to(struct pipe *p, char __user *ubuf, size_t n, bool nonblock)
{
	ssize_t ret = 0;
	bool was_full = false;

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
		if (nonblock) {
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

static ssize_t pipe_read(struct file *file, char __user *ubuf, size_t n, loff_t *pos)
{
	(void)pos;
	return pipe_read_to(file->inode->i_private, ubuf, n, file->flags & O_NONBLOCK);
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
			room = pipe_buf_room(buf);
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
			buf->pinned = NULL;
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

/*
 * Queue the user bytes [addr, addr + len) (len > 0, within one page) as a
 * buffer holding a read-only pin of their page. A free slot exists;
 * pipe->mutex held (pinning takes mmap_lock, which nests inside it).
 * Returns 0 or -errno (-EFAULT for memory that cannot be pinned).
 */
static int pipe_queue_pinned(struct pipe *p, unsigned long addr, unsigned int len)
{
	struct pipe_buffer *buf = &p->bufs[p->head % PIPE_DEF_BUFFERS];
	struct page *page;
	struct folio *folio;
	long pinned = pin_user_pages(addr & PAGE_MASK, 1, 0, &page);

	if (pinned != 1)
		return pinned < 0 ? (int)pinned : -EFAULT;
	folio = page_folio(page);
	buf->folio = folio;
	buf->pinned = page;
	buf->offset = (unsigned int)((page - folio_page(folio, 0)) * PAGE_SIZE +
				     (addr & ~PAGE_MASK));
	buf->len = len;
	p->head++;
	return 0;
}

/*
 * vmsplice into the write end: pin and queue each page of the segments.
 * As Linux's vmsplice_to_pipe, sleep (unless nonblock) only while nothing
 * was queued yet; a full pipe after that ends the call. Bytes or -errno.
 */
static ssize_t vmsplice_to_pipe(struct pipe *p, const struct iovec *iov, unsigned long nr,
				bool nonblock)
{
	ssize_t ret = 0;
	unsigned long i;
	int err = 0;

	mutex_lock(&p->mutex);
	for (i = 0; i < nr && !err; i++) {
		unsigned long addr = (unsigned long)iov[i].iov_base;
		size_t left = iov[i].iov_len;

		while (left) {
			unsigned int chunk = (unsigned int)MIN(left, PAGE_SIZE - (addr & ~PAGE_MASK));

			if (!p->readers) {
				send_signal(current, SIGPIPE);
				err = -EPIPE;
				break;
			}
			if (pipe_full(p)) {
				if (ret || nonblock) {
					err = -EAGAIN;
					break;
				}
				mutex_unlock(&p->mutex);
				err = wait_event_interruptible(p->wr_wait, pipe_slot_free(p));
				mutex_lock(&p->mutex);
				if (err)
					break;
				continue;
			}
			err = pipe_queue_pinned(p, addr, chunk);
			if (err)
				break;
			wake_up(&p->rd_wait);
			ret += chunk;
			addr += chunk;
			left -= chunk;
		}
	}
	mutex_unlock(&p->mutex);
	return ret ? ret : err;
}

/* vmsplice from the read end: a readv that stops at the first short copy. */
static ssize_t vmsplice_to_user(struct pipe *p, const struct iovec *iov, unsigned long nr,
				bool nonblock)
{
	ssize_t ret = 0, done;
	unsigned long i;

	for (i = 0; i < nr; i++) {
		if (!iov[i].iov_len)
			continue;
		done = pipe_read_to(p, iov[i].iov_base, iov[i].iov_len, nonblock || ret);
		if (done <= 0)
			return ret ? ret : done;
		ret += done;
		if ((size_t)done < iov[i].iov_len)
			break;
	}
	return ret;
}

/*
 * Copy nr user iovecs into a new kernel array (kfree it), checking them as
 * Linux's import_iovec does: -EINVAL for too many segments or a negative
 * length, -EFAULT for an unreadable array or a segment outside user space;
 * the total is capped at MAX_RW_COUNT. Returns the total or -errno.
 */
static ssize_t import_iovec(const struct iovec __user *uiov, unsigned long nr,
			    struct iovec **out)
{
	struct iovec *iov;
	size_t total = 0;
	unsigned long i;

	if (nr > UIO_MAXIOV)
		return -EINVAL;
	iov = kmalloc(MAX(nr, 1UL) * sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uiov, nr * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (i = 0; i < nr; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		iov[i].iov_len = MIN(iov[i].iov_len, MAX_RW_COUNT - total);
		total += iov[i].iov_len;
	}
	*out = iov;
	return (ssize_t)total;
}

long sys_vmsplice(int fd, const struct iovec __user *uiov, unsigned long nr_segs,
		  unsigned int flags)
{
	struct iovec *iov;
	struct file *f;
	ssize_t total;
	bool nonblock;
	long ret;

	if (flags & ~SPLICE_F_ALL)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	/* Linux's order: the iovecs, an empty request, then the pipe check. */
	total = import_iovec(uiov, nr_segs, &iov);
	if (total < 0) {
		fput(f);
		return total;
	}
	nonblock = (flags & SPLICE_F_NONBLOCK) || (f->flags & O_NONBLOCK);
	if (!total)
		ret = 0;
	else if (f->f_op != &pipe_fops)
		ret = -EBADF;
	else if ((f->flags & O_ACCMODE) == O_RDONLY)
		ret = vmsplice_to_user(f->inode->i_private, iov, nr_segs, nonblock);
	else
		ret = vmsplice_to_pipe(f->inode->i_private, iov, nr_segs, nonblock);
	kfree(iov);
	fput(f);
	return ret;
}
