/* Tests of clock_gettime and nanosleep. */
#include "tap.h"
#include <sys/syscall.h>
#include <time.h>

static long long ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	struct timespec a, b, req = { 0, 50 * 1000000L };
	long long prev = 0, cur, slept;
	int i, monotonic = 1;

	tap_start();
	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0, "clock_gettime CLOCK_MONOTONIC succeeds",
	      "errno %d", errno);
	check(a.tv_nsec >= 0 && a.tv_nsec < 1000000000L, "tv_nsec is within [0, 1e9)", "%ld", a.tv_nsec);
	for (i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &b);
		cur = ns(&b);
		monotonic &= cur >= prev;
		prev = cur;
	}
	check(monotonic, "CLOCK_MONOTONIC never goes backwards over 1000 reads", "went back");
	check(clock_gettime(CLOCK_REALTIME, &b) == 0, "clock_gettime CLOCK_REALTIME succeeds",
	      "errno %d", errno);
	check_err(clock_gettime((clockid_t)4242, &b), EINVAL, "clock_gettime of an unknown clock fails with EINVAL");
	check_err(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD_ADDR), EFAULT,
		  "clock_gettime into a bad pointer fails with EFAULT");
	check_err(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, KERNEL_ADDR), EFAULT,
		  "clock_gettime into a kernel pointer fails with EFAULT");

	clock_gettime(CLOCK_MONOTONIC, &a);
	check(nanosleep(&req, NULL) == 0, "nanosleep of 50 ms returns 0", "errno %d", errno);
	clock_gettime(CLOCK_MONOTONIC, &b);
	slept = ns(&b) - ns(&a);
	check(slept >= 50000000LL && slept < 500000000LL, "nanosleep of 50 ms sleeps 50 to 500 ms",
	      "slept %lld us", slept / 1000);
	req.tv_nsec = 1000000000L;
	check_err(nanosleep(&req, NULL), EINVAL, "nanosleep with tv_nsec of 1e9 fails with EINVAL");
	req.tv_sec = -1;
	req.tv_nsec = 0;
	check_err(nanosleep(&req, NULL), EINVAL, "nanosleep with a negative time fails with EINVAL");
	check_err(syscall(SYS_nanosleep, BAD_ADDR, NULL), EFAULT, "nanosleep with a bad pointer fails with EFAULT");
	req.tv_sec = 0;
	req.tv_nsec = 0;
	check(nanosleep(&req, NULL) == 0, "nanosleep of 0 returns 0", "errno %d", errno);
	return tap_done();
}
