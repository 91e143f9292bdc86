/* Kernel time: jiffies (timer interrupts since boot, HZ per second). */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

extern volatile u64 jiffies;

#define NSEC_PER_SEC 1000000000L

/* The user's struct timespec (x86-64 and arm64). */
struct timespec {
	long tv_sec;
	long tv_nsec;
};

#endif
