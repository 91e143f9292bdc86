/*
 * Path strings: splitting into components and making an absolute path
 * canonical. Pure string code (no inodes), shared by path lookup and the
 * working-directory bookkeeping, and tested on the host.
 */
#include <kernel/string.h>

#include "path.h"

const char *path_next(const char *p, const char **name, size_t *len)
{
	size_t n = 0;

	while (*p == '/')
		p++;
	while (p[n] && p[n] != '/')
		n++;
	*name = p;
	*len = n;
	return p + n;
}

bool path_at_end(const char *p)
{
	while (*p == '/')
		p++;
	return !*p;
}

bool path_has_trailing_slash(const char *path)
{
	size_t n = strlen(path);
	bool component = false;
	size_t i;

	if (!n || path[n - 1] != '/')
		return false;
	for (i = 0; i < n; i++)
		if (path[i] != '/')
			component = true;
	return component;
}

/*
 * Walk the components of buf and write them back compacted: "." vanishes,
 * ".." removes the previous component (or nothing at the root).
 */
void path_normalize(char *buf)
{
	const char *p = buf, *name;
	size_t out = 0, len;

	for (;;) {
		p = path_next(p, &name, &len);
		if (!len)
			break;
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			/* Drop the last output component with its slash. */
			while (out > 0 && buf[--out] != '/')
				;
			continue;
		}
		/* The output never overtakes the input: name >= buf + out + 1. */
		buf[out++] = '/';
		memmove(buf + out, name, len);
		out += len;
	}
	if (!out)
		buf[out++] = '/';
	buf[out] = '\0';
}
