/* <sched.h>: newlib's, plus sched_yield (newlib hides it behind _POSIX_PRIORITY_SCHEDULING). */
#ifndef _USER_SCHED_H
#define _USER_SCHED_H

#include_next <sched.h>

int sched_yield(void);

#endif
