/* File-descriptor calls newlib does not wrap: openat, pipes, dup*, ioctl,
 * positional and vector I/O, vmsplice, getdents64, directories. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return (int)SYSCALL4(__NR_openat, dirfd, path, flags, mode);
}

int pipe2(int fds[2], int flags)
{
	return (int)SYSCALL2(__NR_pipe2, fds, flags);
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}

int dup(int fd)
{
	return (int)SYSCALL1(__NR_dup, fd);
}

int dup3(int oldfd, int newfd, int flags)
{
	return (int)SYSCALL3(__NR_dup3, oldfd, newfd, flags);
}

/* dup2(fd, fd) returns fd if it is open (dup3 would say EINVAL). */
int dup2(int oldfd, int newfd)
{
#ifdef __NR_dup2
	return (int)SYSCALL2(__NR_dup2, oldfd, newfd);
#else
	struct stat st;

	if (oldfd == newfd)
		return fstat(oldfd, &st) < 0 ? -1 : oldfd;
	return dup3(oldfd, newfd, 0);
#endif
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	unsigned long arg;

	va_start(ap, request);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return (int)SYSCALL3(__NR_ioctl, fd, request, arg);
}

ssize_t pread(int fd, void *buf, size_t count, off_t off)
{
	return SYSCALL4(__NR_pread64, fd, buf, count, off);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t off)
{
	return SYSCALL4(__NR_pwrite64, fd, buf, count, off);
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return SYSCALL3(__NR_readv, fd, iov, iovcnt);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return SYSCALL3(__NR_writev, fd, iov, iovcnt);
}

ssize_t vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags)
{
	return SYSCALL4(__NR_vmsplice, fd, iov, nr_segs, flags);
}

ssize_t getdents64(int fd, void *buf, size_t count)
{
	return SYSCALL3(__NR_getdents64, fd, buf, count);
}

int chdir(const char *path)
{
	return (int)SYSCALL1(__NR_chdir, path);
}

char *getcwd(char *buf, size_t size)
{
	return SYSCALL2(__NR_getcwd, buf, size) < 0 ? NULL : buf;
}

int mkdir(const char *path, mode_t mode)
{
	return (int)SYSCALL3(__NR_mkdirat, AT_FDCWD, path, mode);
}

int rmdir(const char *path)
{
	return (int)SYSCALL3(__NR_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
}
