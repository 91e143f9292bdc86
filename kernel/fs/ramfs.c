/*
 * ramfs: the root file system, kept entirely in memory. A directory is a
 * list of named entries, each holding a reference on its inode; a regular
 * file is an array of order-0 folios (a missing folio reads as zeroes).
 * Each inode's mutex serialises changes to its contents; a parent's lock
 * is taken before a child's.
 */
#include <kernel/string.h>
#include <mm/page.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>

#include "internal.h"

#define RAMFS_MAX_SIZE (1LL << 32)	/* 4 GiB: larger writes get EFBIG */

struct ramfs_dirent {
	struct list_head list;
	struct inode *inode;
	size_t len;
	char name[];
};

struct ramfs_dir {
	struct list_head entries;
};

struct ramfs_file {
	struct folio **pages;
	size_t nr_slots;	/* length of pages[] */
};

static const struct inode_operations ramfs_file_iops;
static const struct file_operations ramfs_file_fops;
static const struct inode_operations ramfs_special_iops; /* nothing to do */

/* ---- directories ---- */

static struct ramfs_dirent *find_entry(struct inode *dir, const char *name, size_t len)
{
	struct ramfs_dir *d = dir->i_private;
	struct ramfs_dirent *e;

	list_for_each_entry(e, &d->entries, list)
		if (e->len == len && !memcmp(e->name, name, len))
			return e;
	return NULL;
}

/* Link inode under name; dir->lock held. Takes over one inode reference. */
static int add_entry_locked(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	struct ramfs_dir *d = dir->i_private;
	struct ramfs_dirent *e;

	if (find_entry(dir, name, len))
		return -EEXIST;
	e = kmalloc(sizeof(*e) + len + 1, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->inode = inode;
	e->len = len;
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	list_add_tail(&e->list, &d->entries);
	if (S_ISDIR(inode->mode))
		dir->nlink++;
	return 0;
}

int ramfs_dir_add(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	int err;

	mutex_lock(&dir->lock);
	err = add_entry_locked(dir, name, len, inode);
	mutex_unlock(&dir->lock);
	if (err)
		iput(inode);
	return err;
}

struct inode *ramfs_new_dir(struct inode *parent, umode_t mode,
			    const struct inode_operations *iop)
{
	struct ramfs_dir *d = kmalloc(sizeof(*d), GFP_KERNEL);
	struct inode *inode;

	if (!d)
		return NULL;
	inode = new_inode(S_IFDIR | (mode & 07777), iop, &ramfs_dir_fops);
	if (!inode) {
		kfree(d);
		return NULL;
	}
	INIT_LIST_HEAD(&d->entries);
	inode->i_private = d;
	inode->nlink = 2;
	if (parent) {
		iget(parent);
		inode->i_parent = parent;
	}
	return inode;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct ramfs_dirent *e;
	struct inode *inode = NULL;

	mutex_lock(&dir->lock);
	e = find_entry(dir, name, len);
	if (e) {
		inode = e->inode;
		iget(inode);
	}
	mutex_unlock(&dir->lock);
	return inode;
}

static struct inode *ramfs_new_file(void)
{
	struct ramfs_file *rf = kzalloc(sizeof(*rf), GFP_KERNEL);
	struct inode *inode;

	if (!rf)
		return NULL;
	inode = new_inode(S_IFREG, &ramfs_file_iops, &ramfs_file_fops);
	if (!inode) {
		kfree(rf);
		return NULL;
	}
	inode->i_private = rf;
	return inode;
}

/* Link a new inode (NULL: out of memory) under name; *out gets a reference. */
static int ramfs_add_new(struct inode *dir, const char *name, size_t len,
			 struct inode *inode, struct inode **out)
{
	int err;

	if (!inode)
		return -ENOMEM;
	mutex_lock(&dir->lock);
	err = add_entry_locked(dir, name, len, inode);
	if (!err && out)
		iget(inode);
	mutex_unlock(&dir->lock);
	if (err)
		iput(inode);
	else if (out)
		*out = inode;
	return err;
}

static int ramfs_create(struct inode *dir, const char *name, size_t len, umode_t mode,
			struct inode **out)
{
	struct inode *inode = ramfs_new_file();

	if (inode)
		inode->mode = S_IFREG | (mode & 07777);
	return ramfs_add_new(dir, name, len, inode, out);
}

static int ramfs_mkdir(struct inode *dir, const char *name, size_t len, umode_t mode)
{
	return ramfs_add_new(dir, name, len, ramfs_new_dir(dir, mode, dir->i_op), NULL);
}

static int ramfs_mknod(struct inode *dir, const char *name, size_t len, umode_t mode, u32 rdev)
{
	struct inode *inode;

	if (!S_ISCHR(mode))
		return -EPERM;	/* block devices, FIFOs, sockets: not yet */
	inode = new_inode(mode, &ramfs_special_iops, &def_chr_fops);
	if (inode)
		inode->rdev = rdev;
	return ramfs_add_new(dir, name, len, inode, NULL);
}

/* Remove name (a directory if want_dir) from dir. */
static int remove_entry(struct inode *dir, const char *name, size_t len, bool want_dir)
{
	struct ramfs_dirent *e;
	struct inode *victim = NULL;
	int err = 0;

	mutex_lock(&dir->lock);
	e = find_entry(dir, name, len);
	if (!e) {
		err = -ENOENT;
		goto out;
	}
	victim = e->inode;
	if (S_ISDIR(victim->mode) != want_dir) {
		err = want_dir ? -ENOTDIR : -EISDIR;
		goto out;
	}
	if (want_dir) {
		struct ramfs_dir *d = victim->i_private;

		if (victim->i_op != &ramfs_dir_iops) {
			err = -EBUSY;	/* a mount point (/proc, /sys) */
			goto out;
		}
		mutex_lock(&victim->lock);
		if (!list_empty(&d->entries))
			err = -ENOTEMPTY;
		else
			victim->nlink = 0;
		mutex_unlock(&victim->lock);
		if (err)
			goto out;
		dir->nlink--;
	} else {
		victim->nlink--;
	}
	list_del(&e->list);
	kfree(e);
out:
	mutex_unlock(&dir->lock);
	if (!err)
		iput(victim);
	return err;
}

static int ramfs_unlink(struct inode *dir, const char *name, size_t len)
{
	return remove_entry(dir, name, len, false);
}

static int ramfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	return remove_entry(dir, name, len, true);
}

static void ramfs_dir_evict(struct inode *inode)
{
	struct ramfs_dir *d = inode->i_private;
	struct ramfs_dirent *e, *n;

	list_for_each_entry_safe(e, n, &d->entries, list) {
		iput(e->inode);
		kfree(e);
	}
	kfree(d);
}

/* Entries after "." and ".." in list order; ctx->pos counts them from 2. */
int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->inode;
	struct ramfs_dir *d = dir->i_private;
	struct ramfs_dirent *e;
	loff_t i = 2;

	if (!dir_emit_dots(file, ctx))
		return 0;
	mutex_lock(&dir->lock);
	list_for_each_entry(e, &d->entries, list) {
		if (i++ < ctx->pos)
			continue;
		if (!ctx->actor(ctx, e->name, e->len, e->inode->ino, dt_type(e->inode->mode)))
			break;
		ctx->pos++;
	}
	mutex_unlock(&dir->lock);
	return 0;
}

size_t ramfs_dir_count(struct inode *dir)
{
	struct ramfs_dir *d = dir->i_private;
	struct list_head *pos;
	size_t n = 0;

	mutex_lock(&dir->lock);
	list_for_each(pos, &d->entries)
		n++;
	mutex_unlock(&dir->lock);
	return n;
}

const struct inode_operations ramfs_dir_iops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.mknod = ramfs_mknod,
	.evict = ramfs_dir_evict,
};

/* Directories the kernel fills (/sys, parts of /proc): users only look. */
const struct inode_operations ramfs_ro_dir_iops = {
	.lookup = ramfs_lookup,
	.evict = ramfs_dir_evict,
};

const struct file_operations ramfs_dir_fops = {
	.read = generic_read_dir,
	.llseek = no_seek_end_llseek,
	.iterate_dir = ramfs_iterate,
};

/* ---- regular files ---- */

/* Make pages[] hold at least slots entries; inode->lock held. */
static int grow_slots(struct ramfs_file *rf, size_t slots)
{
	struct folio **p;
	size_t n = rf->nr_slots ? rf->nr_slots : 4;

	if (slots <= rf->nr_slots)
		return 0;
	while (n < slots)
		n *= 2;
	p = kzalloc(n * sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOSPC;
	if (rf->pages)
		memcpy(p, rf->pages, rf->nr_slots * sizeof(*p));
	kfree(rf->pages);
	rf->pages = p;
	rf->nr_slots = n;
	return 0;
}

/*
 * Copy n bytes at pos between the file and buf (a user pointer if user);
 * inode->lock held, range inside the file for reads. Returns the bytes
 * moved or -EFAULT / -ENOSPC when none could be.
 */
static ssize_t ramfs_copy(struct inode *inode, void *buf, size_t n, loff_t pos, bool write,
			  bool user)
{
	struct ramfs_file *rf = inode->i_private;
	size_t done = 0;
	int err = 0;

	if (write && n) {
		err = grow_slots(rf, (size_t)DIV_ROUND_UP(pos + n, PAGE_SIZE));
		if (err)
			return err;
	}
	while (done < n) {
		size_t idx = (pos + done) / PAGE_SIZE, off = (pos + done) % PAGE_SIZE;
		size_t chunk = MIN(n - done, PAGE_SIZE - off), left;
		struct folio *folio = idx < rf->nr_slots ? rf->pages[idx] : NULL;
		char *kp, *b = (char *)buf + done;

		if (!folio && write) {
			folio = folio_alloc(0, __GFP_ZERO);
			if (!folio) {
				err = -ENOSPC;
				break;
			}
			rf->pages[idx] = folio;
		}
		kp = folio ? (char *)folio_address(folio) + off : NULL;
		if (write)
			left = user ? copy_from_user(kp, (const void __user *)b, chunk)
				    : (memcpy(kp, b, chunk), 0);
		else if (kp)
			left = user ? copy_to_user((void __user *)b, kp, chunk)
				    : (memcpy(b, kp, chunk), 0);
		else
			left = user ? clear_user((void __user *)b, chunk) : (memset(b, 0, chunk), 0);
		done += chunk - left;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (write && pos + (loff_t)done > inode->size)
		inode->size = pos + done;
	return done ? (ssize_t)done : err;
}

static ssize_t ramfs_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	struct inode *inode = file->inode;
	ssize_t ret = 0;

	mutex_lock(&inode->lock);
	if (*pos < inode->size) {
		n = MIN(n, (size_t)(inode->size - *pos));
		ret = ramfs_copy(inode, (void *)buf, n, *pos, false, true);
		if (ret > 0)
			*pos += ret;
	}
	mutex_unlock(&inode->lock);
	return ret;
}

static ssize_t ramfs_read_kernel(struct file *file, void *buf, size_t n, loff_t pos)
{
	struct inode *inode = file->inode;
	ssize_t ret = 0;

	mutex_lock(&inode->lock);
	if (pos < inode->size)
		ret = ramfs_copy(inode, buf, MIN(n, (size_t)(inode->size - pos)), pos, false,
				 false);
	mutex_unlock(&inode->lock);
	return ret;
}

/* Write at *pos (the end with O_APPEND); inode->lock taken here. */
static ssize_t ramfs_do_write(struct inode *inode, const void *buf, size_t n, loff_t *pos,
			      bool append, bool user)
{
	ssize_t ret;

	mutex_lock(&inode->lock);
	if (append)
		*pos = inode->size;
	if (*pos >= RAMFS_MAX_SIZE) {
		ret = n ? -EFBIG : 0;
	} else {
		n = MIN(n, (size_t)(RAMFS_MAX_SIZE - *pos));
		ret = ramfs_copy(inode, (void *)buf, n, *pos, true, user);
		if (ret > 0)
			*pos += ret;
	}
	mutex_unlock(&inode->lock);
	return ret;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf, size_t n, loff_t *pos)
{
	return ramfs_do_write(file->inode, (const void *)buf, n, pos,
			      file->flags & O_APPEND, true);
}

ssize_t ramfs_write_kernel(struct inode *inode, const void *buf, size_t n, loff_t pos)
{
	return ramfs_do_write(inode, buf, n, &pos, false, false);
}

static loff_t ramfs_llseek(struct file *file, loff_t off, int whence)
{
	return fixed_size_llseek(file, off, whence, file->inode->size);
}

/* Free the folios from page index first on; inode->lock held. */
static void free_pages_from(struct ramfs_file *rf, size_t first)
{
	size_t i;

	for (i = first; i < rf->nr_slots; i++) {
		if (rf->pages[i]) {
			folio_put(rf->pages[i]);
			rf->pages[i] = NULL;
		}
	}
}

static int ramfs_truncate(struct inode *inode, loff_t size)
{
	struct ramfs_file *rf = inode->i_private;
	size_t keep = DIV_ROUND_UP(size, PAGE_SIZE);

	if (size < 0)
		return -EINVAL;
	if (size > RAMFS_MAX_SIZE)
		return -EFBIG;
	mutex_lock(&inode->lock);
	if (size < inode->size) {
		free_pages_from(rf, keep);
		/* The kept part of the last page must read as zero later. */
		if (size % PAGE_SIZE && keep - 1 < rf->nr_slots && rf->pages[keep - 1])
			memset((char *)folio_address(rf->pages[keep - 1]) + size % PAGE_SIZE, 0,
			       PAGE_SIZE - size % PAGE_SIZE);
	}
	inode->size = size;
	mutex_unlock(&inode->lock);
	return 0;
}

static void ramfs_file_evict(struct inode *inode)
{
	struct ramfs_file *rf = inode->i_private;

	free_pages_from(rf, 0);
	kfree(rf->pages);
	kfree(rf);
}

static const struct inode_operations ramfs_file_iops = {
	.truncate = ramfs_truncate,
	.evict = ramfs_file_evict,
};

static const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = ramfs_llseek,
	.read_kernel = ramfs_read_kernel,
};
