/* cat [FILE...]: copy the files (or stdin) to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Copy fd to stdout; returns 0, or -1 with errno set. */
static int copy(int fd)
{
	char buf[4096];
	ssize_t n, done, w;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (done = 0; done < n; done += w) {
			w = write(1, buf + done, (size_t)(n - done));
			if (w < 0)
				return -1;
		}
	}
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2)
		return copy(0) ? 1 : 0;
	for (i = 1; i < argc; i++) {
		fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;
		if (fd < 0 || copy(fd) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (fd > 0)
			close(fd);
	}
	return status;
}
