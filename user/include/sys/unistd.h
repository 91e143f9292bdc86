/*
 * <unistd.h> additions: newlib's declarations plus the Linux calls it lacks
 * or hides behind _GNU_SOURCE.
 */
#ifndef _USER_SYS_UNISTD_H
#define _USER_SYS_UNISTD_H

#include_next <sys/unistd.h>

int brk(void *addr);
pid_t gettid(void);
int dup3(int oldfd, int newfd, int flags);
int pipe2(int fds[2], int flags);
long syscall(long nr, ...);

#endif
