/*
 * <time.h>: newlib's, plus the POSIX clock calls with Linux clock ids
 * (newlib declares them only for targets that define _POSIX_TIMERS).
 */
#ifndef _USER_TIME_H
#define _USER_TIME_H

#include_next <time.h>

#undef CLOCK_REALTIME
#undef CLOCK_MONOTONIC
#undef CLOCK_PROCESS_CPUTIME_ID
#undef CLOCK_THREAD_CPUTIME_ID
#undef CLOCK_MONOTONIC_RAW
#undef CLOCK_REALTIME_COARSE
#undef CLOCK_MONOTONIC_COARSE
#undef CLOCK_BOOTTIME
#define CLOCK_REALTIME			((clockid_t)0)
#define CLOCK_MONOTONIC			((clockid_t)1)
#define CLOCK_PROCESS_CPUTIME_ID	((clockid_t)2)
#define CLOCK_THREAD_CPUTIME_ID		((clockid_t)3)
#define CLOCK_MONOTONIC_RAW		((clockid_t)4)
#define CLOCK_REALTIME_COARSE		((clockid_t)5)
#define CLOCK_MONOTONIC_COARSE		((clockid_t)6)
#define CLOCK_BOOTTIME			((clockid_t)7)

int clock_gettime(clockid_t clock_id, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
