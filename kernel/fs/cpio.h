/*
 * The cpio "newc" archive reader (kernel/fs/cpio.c): pure parsing, tested
 * on the host.
 */
#ifndef KERNEL_FS_CPIO_H
#define KERNEL_FS_CPIO_H

#include <kernel/types.h>

struct cpio_entry {
	const char *name;	/* NUL-terminated inside the archive */
	size_t namelen;		/* without the NUL */
	u32 mode;
	u32 rdev_major, rdev_minor;
	const void *data;
	size_t size;
};

struct cpio_reader {
	const char *buf;
	size_t size;
	size_t off;
};

/* Returns 1 with *e filled, 0 at "TRAILER!!!", -EINVAL on a malformed
 * archive (and sets *err to a short reason). */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e, const char **err);

#endif
