/* Directory streams (opendir/readdir/closedir) over getdents64. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct __dirstream {
	int fd;
	size_t pos, len;		/* unread records are buf[pos..len) */
	struct dirent ent;
	char buf[2048] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

/* The next entry, or NULL at the end (errno unchanged) or on error. */
struct dirent *readdir(DIR *d)
{
	struct linux_dirent64 *k;
	ssize_t n;
	size_t namelen;

	if (d->pos >= d->len) {
		n = getdents64(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;
		d->pos = 0;
		d->len = (size_t)n;
	}
	k = (struct linux_dirent64 *)(d->buf + d->pos);
	d->pos += k->d_reclen;
	d->ent.d_ino = (ino_t)k->d_ino;
	d->ent.d_off = (off_t)k->d_off;
	d->ent.d_type = k->d_type;
	namelen = strnlen(k->d_name, sizeof(d->ent.d_name) - 1);
	memcpy(d->ent.d_name, k->d_name, namelen);
	d->ent.d_name[namelen] = '\0';
	d->ent.d_reclen = sizeof(d->ent);
	return &d->ent;
}

int closedir(DIR *d)
{
	int ret = close(d->fd);

	free(d);
	return ret;
}

int dirfd(DIR *d)
{
	return d->fd;
}
