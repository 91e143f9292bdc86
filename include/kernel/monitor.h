/* The kernel monitor: a tiny command loop on the console (kernel/monitor.c). */
#ifndef KERNEL_MONITOR_H
#define KERNEL_MONITOR_H

#include <kernel/compiler.h>

void __noreturn monitor_run(void);

#endif
