/* Process calls newlib does not wrap: wait4/waitpid, ids, scheduling,
 * uname, reboot, resource limits, syscall(), execvp. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <unistd.h>
#include "syscall.h"

pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	return (pid_t)SYSCALL4(__NR_wait4, pid, status, options, rusage);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t getppid(void)
{
	return (pid_t)__raw_syscall0(__NR_getppid);
}

pid_t gettid(void)
{
	return (pid_t)__raw_syscall0(__NR_gettid);
}

int sched_yield(void)
{
	return (int)SYSCALL0(__NR_sched_yield);
}

int uname(struct utsname *buf)
{
	return (int)SYSCALL1(__NR_uname, buf);
}

/* Linux's reboot(2) wants the two magic numbers in front of the command. */
int reboot(int cmd)
{
	return (int)SYSCALL4(__NR_reboot, 0xfee1dead, 672274793, cmd, 0);
}

/* As glibc: all three through prlimit64, whose struct rlimit64 is struct rlimit here. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
	return (int)SYSCALL4(__NR_prlimit64, pid, resource, new_limit, old_limit);
}

int getrlimit(int resource, struct rlimit *rlim)
{
	return prlimit(0, resource, NULL, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return prlimit(0, resource, rlim, NULL);
}

long syscall(long nr, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/*
 * execvp: a name with a '/' is run as is; otherwise each directory of
 * $PATH (default "/bin") is tried. Returns -1 with errno of the last
 * failure, ENOENT if nothing was found.
 */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char buf[256];
	const char *p, *end;
	int err = ENOENT;
	size_t dlen, flen = strlen(file);

	if (strchr(file, '/'))
		return execve(file, argv, environ);
	if (!path)
		path = "/bin";
	for (p = path;; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, environ);
			if (errno != ENOENT)
				err = errno;
		}
		if (!*end)
			break;
	}
	errno = err;
	return -1;
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execl(path, arg0, ..., NULL): the list becomes argv. */
int execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	int argc = 1, i;

	va_start(ap, arg0);
	while (va_arg(ap, const char *))
		argc++;
	va_end(ap);
	{
		const char *argv[argc + 1];

		argv[0] = arg0;
		va_start(ap, arg0);
		for (i = 1; i <= argc; i++)
			argv[i] = va_arg(ap, const char *);
		va_end(ap);
		return execve(path, (char *const *)argv, environ);
	}
}
