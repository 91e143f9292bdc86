/* <sys/wait.h>: newlib's (Linux's status encoding), plus wait4(). */
#ifndef _USER_SYS_WAIT_H
#define _USER_SYS_WAIT_H

#include_next <sys/wait.h>

struct rusage;
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#endif
