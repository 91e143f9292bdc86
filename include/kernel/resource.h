/*
 * Resource limits (getrlimit, setrlimit, prlimit64; kernel/sys.c), with
 * Linux's numbers and struct rlimit (the same on x86-64 and arm64).
 *
 * The limits are fixed: every process has Linux's defaults where this
 * kernel enforces a limit of that kind (RLIMIT_STACK: the main stack grows
 * down to 8 MiB; RLIMIT_NOFILE: the descriptor table size) and
 * RLIM_INFINITY elsewhere, except RLIMIT_CORE 0 (no core dumps). Setting a
 * limit to its current value succeeds; any other change is -EPERM.
 */
#ifndef KERNEL_RESOURCE_H
#define KERNEL_RESOURCE_H

#include <kernel/types.h>

#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NOFILE 7
#define RLIM_NLIMITS 16

#define RLIM_INFINITY (~0UL)
#define _STK_LIM (8UL << 20)	/* default RLIMIT_STACK soft limit */

struct rlimit {
	unsigned long rlim_cur;	/* soft limit: what the kernel enforces */
	unsigned long rlim_max;	/* hard limit: the most rlim_cur may become */
};

/* The soft limit of resource (< RLIM_NLIMITS) for the current process. */
unsigned long rlimit(unsigned int resource);

#endif
