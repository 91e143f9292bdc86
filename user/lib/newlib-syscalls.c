/*
 * The system-call layer newlib's reentrant wrappers call: underscored
 * names with weak plain-name aliases (see weak_alias in syscall.h).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

void __attribute__((noreturn)) _exit(int status)
{
	for (;;)
		__raw_syscall1(__NR_exit_group, status);
}

int _read(int fd, void *buf, size_t count)
{
	return (int)SYSCALL3(__NR_read, fd, buf, count);
}
weak_alias(_read, read);

int _write(int fd, const void *buf, size_t count)
{
	return (int)SYSCALL3(__NR_write, fd, buf, count);
}
weak_alias(_write, write);

int _open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return (int)SYSCALL4(__NR_openat, AT_FDCWD, path, flags, mode);
}
weak_alias(_open, open);

int _close(int fd)
{
	return (int)SYSCALL1(__NR_close, fd);
}
weak_alias(_close, close);

off_t _lseek(int fd, off_t offset, int whence)
{
	return SYSCALL3(__NR_lseek, fd, offset, whence);
}
weak_alias(_lseek, lseek);

/* A terminal answers TCGETS (struct termios is 36 bytes on both arches). */
int _isatty(int fd)
{
	unsigned char termios[64];

	return SYSCALL3(__NR_ioctl, fd, TCGETS, termios) == 0;
}
weak_alias(_isatty, isatty);

static uintptr_t cur_brk;

/* Move the break by incr bytes; returns the old break or (void *)-1. */
void *_sbrk(ptrdiff_t incr)
{
	uintptr_t old, want;

	if (!cur_brk)
		cur_brk = (uintptr_t)__raw_syscall1(__NR_brk, 0);
	old = cur_brk;
	want = old + incr;
	if (incr && (uintptr_t)__raw_syscall1(__NR_brk, want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur_brk = want;
	return (void *)old;
}
weak_alias(_sbrk, sbrk);

/* brk(2) as glibc wraps it: 0 on success, -1/ENOMEM if the kernel refused. */
int brk(void *addr)
{
	uintptr_t got = (uintptr_t)__raw_syscall1(__NR_brk, addr);

	if (got != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	cur_brk = got;
	return 0;
}

int _getpid(void)
{
	return (int)__raw_syscall0(__NR_getpid);
}
weak_alias(_getpid, getpid);

int _kill(int pid, int sig)
{
	return (int)SYSCALL2(__NR_kill, pid, sig);
}
weak_alias(_kill, kill);

int _fork(void)
{
#ifdef __NR_fork
	return (int)SYSCALL0(__NR_fork);
#else
	return (int)SYSCALL5(__NR_clone, SIGCHLD, 0, 0, 0, 0);
#endif
}
weak_alias(_fork, fork);

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)SYSCALL3(__NR_execve, path, argv, envp);
}
weak_alias(_execve, execve);

int _wait(int *status)
{
	return (int)SYSCALL4(__NR_wait4, -1, status, 0, 0);
}
weak_alias(_wait, wait);

int _unlink(const char *path)
{
	return (int)SYSCALL3(__NR_unlinkat, AT_FDCWD, path, 0);
}
weak_alias(_unlink, unlink);

/* There are no hard links in our file systems. */
int _link(const char *old, const char *new)
{
	(void)old;
	(void)new;
	errno = ENOSYS;
	return -1;
}
weak_alias(_link, link);

/* Process times are not accounted: all zero; returns ticks of the monotonic clock. */
clock_t _times(struct tms *buf)
{
	struct timespec ts;

	buf->tms_utime = buf->tms_stime = buf->tms_cutime = buf->tms_cstime = 0;
	if (SYSCALL2(__NR_clock_gettime, CLOCK_MONOTONIC, &ts) < 0)
		return (clock_t)-1;
	return (clock_t)(ts.tv_sec * CLOCKS_PER_SEC +
			 ts.tv_nsec / (1000000000L / CLOCKS_PER_SEC));
}
weak_alias(_times, times);

int _gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	(void)tz;
	if (SYSCALL2(__NR_clock_gettime, CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}
weak_alias(_gettimeofday, gettimeofday);
