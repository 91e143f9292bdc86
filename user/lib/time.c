/* Clocks and sleeping: clock_gettime, nanosleep, usleep, sleep. */
#include <time.h>
#include <unistd.h>
#include "syscall.h"

int clock_gettime(clockid_t clock, struct timespec *tp)
{
	return (int)SYSCALL2(__NR_clock_gettime, clock, tp);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)SYSCALL2(__NR_nanosleep, req, rem);
}

int usleep(useconds_t usec)
{
	struct timespec ts = { usec / 1000000, (long)(usec % 1000000) * 1000 };

	return nanosleep(&ts, NULL);
}

/* Returns the seconds left if interrupted, else 0. */
unsigned sleep(unsigned seconds)
{
	struct timespec ts = { seconds, 0 }, rem;

	if (nanosleep(&ts, &rem) < 0)
		return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}
