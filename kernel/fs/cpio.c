/*
 * The cpio "newc" archive format of the initramfs (what Linux's
 * initramfs and `cpio -H newc` use): a 110-byte ASCII header (magic
 * "070701", then 13 fields of 8 hex digits), the file name with its NUL,
 * padding to 4 bytes, the data, padding to 4 bytes; the last entry is
 * named "TRAILER!!!". Pure parsing (no allocation), tested on the host.
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/string.h>

#include "cpio.h"

#define CPIO_HDR_LEN 110
#define CPIO_FIELDS 13

/* Header fields in order, after the 6-byte magic. */
enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK
};

static bool parse_hex8(const char *s, u32 *out)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e, const char **err)
{
	const char *h = r->buf + r->off;
	u32 f[CPIO_FIELDS];
	size_t name_off, data_off, end;
	int i;

	if (r->off > r->size || r->size - r->off < CPIO_HDR_LEN) {
		*err = "truncated header (no TRAILER!!!)";
		return -EINVAL;
	}
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6)) {
		*err = "bad magic";
		return -EINVAL;
	}
	for (i = 0; i < CPIO_FIELDS; i++) {
		if (!parse_hex8(h + 6 + 8 * i, &f[i])) {
			*err = "bad header field";
			return -EINVAL;
		}
	}
	name_off = r->off + CPIO_HDR_LEN;
	if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > r->size - name_off ||
	    r->buf[name_off + f[F_NAMESIZE] - 1] != '\0' ||
	    strnlen(r->buf + name_off, f[F_NAMESIZE]) != f[F_NAMESIZE] - 1) {
		*err = "bad file name";
		return -EINVAL;
	}
	data_off = ALIGN(name_off + f[F_NAMESIZE], 4);
	if (data_off > r->size || f[F_FILESIZE] > r->size - data_off) {
		*err = "file data runs past the end";
		return -EINVAL;
	}
	end = ALIGN(data_off + f[F_FILESIZE], 4);
	r->off = end;	/* may exceed size by the padding: caught next time */

	e->name = r->buf + name_off;
	e->namelen = f[F_NAMESIZE] - 1;
	if (!strcmp(e->name, "TRAILER!!!"))
		return 0;
	e->mode = f[F_MODE];
	e->rdev_major = f[F_RDEVMAJOR];
	e->rdev_minor = f[F_RDEVMINOR];
	e->data = r->buf + data_off;
	e->size = f[F_FILESIZE];
	return 1;
}
