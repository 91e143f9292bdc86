/*
 * Path strings (kernel/fs/path.c): pure helpers, no inodes, tested on the host.
 */
#ifndef KERNEL_FS_PATH_H
#define KERNEL_FS_PATH_H

#include <kernel/types.h>

/*
 * The next component of path p: skips slashes, sets *name and *len (0 at
 * the end) and returns the position after the component.
 */
const char *path_next(const char *p, const char **name, size_t *len);
/* True when only slashes (or nothing) follow p. */
bool path_at_end(const char *p);
/* Does path end in '/' after at least one component ("a/", not "/")? */
bool path_has_trailing_slash(const char *path);
/*
 * Make the absolute path buf canonical in place: one slash between
 * components, no "." or "..", no trailing slash ("/" stays "/").
 */
void path_normalize(char *buf);

#endif
