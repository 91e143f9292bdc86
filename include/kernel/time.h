/* Kernel time: jiffies (timer interrupts since boot, HZ per second). */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/types.h>

extern volatile u64 jiffies;

#endif
