/*
 * Host tests for kernel/fs/cpio.c: well-formed "newc" archives are read
 * entry by entry (names, modes, device numbers, data, 4-byte padding) up
 * to TRAILER!!!; truncated or corrupt archives are rejected with a
 * reason, never read past their end.
 */
#include <stdlib.h>
#include <string.h>

#include <kernel/errno.h>

#include "../../kernel/fs/cpio.h"

#include "host.h"

struct archive {
	char buf[4096];
	size_t len;
};

static void pad4(struct archive *a)
{
	while (a->len % 4)
		a->buf[a->len++] = '\0';
}

static void add(struct archive *a, const char *name, unsigned int mode, const char *data,
		unsigned int rmaj, unsigned int rmin)
{
	size_t dlen = data ? strlen(data) : 0;

	a->len += sprintf(a->buf + a->len,
			  "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			  1u, mode, 0u, 0u, 1u, 0u, (unsigned int)dlen, 0u, 0u, rmaj, rmin,
			  (unsigned int)strlen(name) + 1, 0u);
	memcpy(a->buf + a->len, name, strlen(name) + 1);
	a->len += strlen(name) + 1;
	pad4(a);
	if (dlen)
		memcpy(a->buf + a->len, data, dlen);
	a->len += dlen;
	pad4(a);
}

static void sample(struct archive *a)
{
	a->len = 0;
	add(a, ".", 040755, NULL, 0, 0);
	add(a, "bin", 040755, NULL, 0, 0);
	add(a, "bin/hello", 0100755, "hello, world\n", 0, 0);
	add(a, "dev/console", 020600, NULL, 5, 1);
	add(a, "TRAILER!!!", 0, NULL, 0, 0);
}

TEST(cpio_reads_every_entry_up_to_the_trailer)
{
	static struct archive a;
	struct cpio_reader r;
	struct cpio_entry e;
	const char *why = NULL;
	int n = 0, ret;

	sample(&a);
	r = (struct cpio_reader){ .buf = a.buf, .size = a.len };
	while ((ret = cpio_next(&r, &e, &why)) > 0) {
		n++;
		if (n == 3) {
			CHECK(!strcmp(e.name, "bin/hello") && e.namelen == 9, "name %s", e.name);
			CHECK(e.mode == 0100755, "mode %o", e.mode);
			CHECK(e.size == 13 && !memcmp(e.data, "hello, world\n", 13), "data");
		}
		if (n == 4)
			CHECK(e.rdev_major == 5 && e.rdev_minor == 1, "rdev %u:%u", e.rdev_major,
			      e.rdev_minor);
	}
	CHECK(ret == 0, "ends at the trailer: %d (%s)", ret, why ? why : "");
	CHECK(n == 4, "4 entries before the trailer, got %d", n);
}

/* Feed buf[0..size) in a heap copy of exactly that size (ASan sees overreads). */
static int parse_all(const char *buf, size_t size, const char **why)
{
	char *copy = malloc(size ? size : 1);
	struct cpio_reader r = { .buf = copy, .size = size };
	struct cpio_entry e;
	int ret;

	memcpy(copy, buf, size);
	while ((ret = cpio_next(&r, &e, why)) > 0)
		;
	free(copy);
	return ret;
}

TEST(cpio_rejects_every_truncation)
{
	static struct archive a;
	const char *why;
	size_t cut;

	sample(&a);
	for (cut = 0; cut < a.len; cut++)
		CHECK(parse_all(a.buf, cut, &why) == -EINVAL, "cut at %zu accepted", cut);
	CHECK(parse_all(a.buf, a.len, &why) == 0, "whole archive");
}

TEST(cpio_rejects_corrupt_headers)
{
	static struct archive a;
	const char *why = NULL;

	sample(&a);
	a.buf[0] = 'X';
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL && why, "bad magic");

	sample(&a);
	a.buf[10] = 'g';	/* inside the inode field */
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL, "non-hex digit");

	sample(&a);
	memcpy(a.buf + 6 + 8 * 11, "00000000", 8);	/* namesize 0 */
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL, "empty name");

	sample(&a);
	memcpy(a.buf + 6 + 8 * 11, "00000001", 8);	/* name "." has size 2 */
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL, "name without its NUL");

	sample(&a);
	memcpy(a.buf + 6 + 8 * 6, "FFFFFFFF", 8);	/* filesize */
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL, "data past the end");

	sample(&a);
	memcpy(a.buf + 6 + 8 * 11, "FFFFFFFF", 8);	/* namesize */
	CHECK(parse_all(a.buf, a.len, &why) == -EINVAL, "name past the end");
}

TEST(cpio_accepts_the_crc_variant)
{
	static struct archive a;
	const char *why;

	sample(&a);
	a.buf[5] = '2';		/* "070702" */
	CHECK(parse_all(a.buf, a.len, &why) == 0, "070702 magic");
}
