/*
 * Minimal TAP producer for the user tests: one check per behaviour,
 * "ok N - name" / "not ok N - name # reason", the plan "1..N" at the end.
 * The tests are plain POSIX/Linux C: they also build and pass with the
 * host's gcc + glibc (a failure in QEMU is then the kernel's).
 */
#ifndef USER_TESTS_TAP_H
#define USER_TESTS_TAP_H

#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* v, hidden from the compiler (so it does not warn about deliberate misuse). */
static inline uintptr_t opaque(uintptr_t v)
{
	__asm__("" : "+r"(v));
	return v;
}

/* An address in the kernel half: the direct map of each architecture. */
#if defined(__x86_64__)
#define KERNEL_ADDR ((void *)opaque(0xffff888000000000UL))
#else
#define KERNEL_ADDR ((void *)opaque(0xffff000000000000UL))
#endif
#define BAD_ADDR ((void *)opaque(1))
#define HUGE_COUNT ((size_t)opaque(SIZE_MAX))

static int tap_count, tap_failures;

/* Line-buffer stdout so that output survives a crash and interleaves in order. */
static inline void tap_start(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Record one check; fmt explains a failure. Returns cond. */
static inline int __attribute__((format(printf, 3, 4)))
check(int cond, const char *name, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (cond) {
		printf("ok %d - %s\n", tap_count, name);
		return 1;
	}
	tap_failures++;
	printf("not ok %d - %s # ", tap_count, name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return 0;
}

static inline void skip(const char *name, const char *why)
{
	printf("ok %d - %s # SKIP %s\n", ++tap_count, name, why);
}

/* A call that must fail with -1 and errno err. */
static inline int check_err(long ret, int err, const char *name)
{
	int e = errno;

	return check(ret == -1 && e == err, name, "returned %ld, errno %d (%s), want errno %d (%s)",
		     ret, ret == -1 ? e : 0, ret == -1 ? strerror(e) : "-", err, strerror(err));
}

/* A call that must succeed (not -1). */
static inline int check_ok(long ret, const char *name)
{
	int e = errno;

	return check(ret != -1, name, "failed: errno %d (%s)", e, strerror(e));
}

/* Print the plan; the exit status of the test program. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}

/* Run fn in a child process; returns its wait status (or -1). */
static inline int run_child(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Describe a wait status for failure messages. */
static inline const char *status_str(int status)
{
	static char buf[48];

	if (status == -1)
		snprintf(buf, sizeof(buf), "fork/wait failed");
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited with %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

static inline int killed_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

#endif
