/*
 * mkcpio: write a cpio "newc" archive (the format of Linux's initramfs)
 * from an explicit list of entries, for the kernel's ramdisk.
 *
 *   mkcpio OUT [-d /dir]... [-f /path=hostfile]...
 *
 * Directories get mode 0755, files 0755 (they are programs); owner root,
 * mtime 0, so the archive depends only on its inputs. Names are stored
 * without the leading '/', as Linux's gen_init_cpio does. -l OUT lists an
 * archive instead (name, mode, size), to check what a build produced.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NEWC_MAGIC "070701"
#define NEWC_HDR_LEN 110		/* magic + 13 eight-digit hex fields */

static FILE *out;
static unsigned long offset;
static unsigned int next_ino = 1;

static void die(const char *what, const char *name)
{
	fprintf(stderr, "mkcpio: %s %s: %s\n", what, name, strerror(errno));
	exit(1);
}

static void put(const void *p, size_t n)
{
	if (fwrite(p, 1, n, out) != n)
		die("write", "archive");
	offset += n;
}

static void pad4(void)
{
	static const char zero[4];

	put(zero, (4 - offset % 4) % 4);
}

/* One entry: header, name, data, each padded to a 4-byte boundary. */
static void entry(const char *name, unsigned mode, const void *data, size_t size)
{
	char hdr[NEWC_HDR_LEN + 1];

	while (*name == '/')
		name++;
	snprintf(hdr, sizeof(hdr),
		 "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 NEWC_MAGIC, next_ino++, mode, 0, 0, (mode & S_IFDIR) ? 2 : 1, 0,
		 (unsigned int)size, 0, 0, 0, 0, (unsigned int)strlen(name) + 1, 0);
	put(hdr, NEWC_HDR_LEN);
	put(name, strlen(name) + 1);
	pad4();
	put(data, size);
	pad4();
}

static void add_file(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char name[512];
	FILE *f;
	char *buf;
	long size;

	if (!eq || (size_t)(eq - arg) >= sizeof(name)) {
		fprintf(stderr, "mkcpio: -f wants /path=hostfile, got %s\n", arg);
		exit(2);
	}
	memcpy(name, arg, (size_t)(eq - arg));
	name[eq - arg] = '\0';
	f = fopen(eq + 1, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die("read", eq + 1);
	if (size > 0x7fffffffL) {
		fprintf(stderr, "mkcpio: %s: too large for newc\n", eq + 1);
		exit(1);
	}
	buf = malloc((size_t)size + 1);
	if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size)
		die("read", eq + 1);
	fclose(f);
	entry(name, S_IFREG | 0755, buf, (size_t)size);
	free(buf);
}

/* Print name, mode and size of each entry of archive path. */
static int list(const char *path)
{
	FILE *f = fopen(path, "rb");
	char hdr[NEWC_HDR_LEN + 1], name[512], field[9];
	unsigned long v[13], pos = 0, skip;
	int i;

	if (!f)
		die("open", path);
	for (;;) {
		if (fread(hdr, 1, NEWC_HDR_LEN, f) != NEWC_HDR_LEN ||
		    memcmp(hdr, NEWC_MAGIC, 6)) {
			fprintf(stderr, "mkcpio: %s: bad header at %lu\n", path, pos);
			return 1;
		}
		for (i = 0; i < 13; i++) {
			memcpy(field, hdr + 6 + 8 * i, 8);
			field[8] = '\0';
			v[i] = strtoul(field, NULL, 16);
		}
		/* v[1] mode, v[6] file size, v[11] name size */
		if (v[11] == 0 || v[11] > sizeof(name) || fread(name, 1, v[11], f) != v[11])
			return 1;
		name[v[11] - 1] = '\0';
		pos += NEWC_HDR_LEN + v[11];
		if (!strcmp(name, "TRAILER!!!"))
			return 0;
		printf("%-24s %06lo %lu\n", name, v[1], v[6]);
		skip = (4 - pos % 4) % 4 + v[6];
		pos += skip;
		skip += (4 - pos % 4) % 4;
		pos += (4 - pos % 4) % 4;
		if (fseek(f, (long)skip, SEEK_CUR))
			return 1;
	}
}

int main(int argc, char **argv)
{
	int i;

	if (argc == 3 && !strcmp(argv[1], "-l"))
		return list(argv[2]);
	if (argc < 2) {
		fprintf(stderr, "usage: mkcpio OUT [-d /dir]... [-f /path=file]...\n"
				"       mkcpio -l ARCHIVE\n");
		return 2;
	}
	out = fopen(argv[1], "wb");
	if (!out)
		die("create", argv[1]);
	for (i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-d"))
			entry(argv[i + 1], S_IFDIR | 0755, NULL, 0);
		else if (!strcmp(argv[i], "-f"))
			add_file(argv[i + 1]);
		else
			break;
	}
	if (i != argc) {
		fprintf(stderr, "mkcpio: bad argument %s\n", argv[i]);
		return 2;
	}
	entry("TRAILER!!!", 0, NULL, 0);
	if (fclose(out))
		die("close", argv[1]);
	return 0;
}
