/*
 * futex(2) WAIT/WAKE as Linux: a changed value is EAGAIN, a timeout is
 * ETIMEDOUT after at least the time asked, bad addresses are EFAULT (and
 * a misaligned one EINVAL), a bad timeout EINVAL/EFAULT, an unknown
 * operation ENOSYS; WAKE wakes sleepers and returns how many.
 */
#include <limits.h>
#include "threads.h"

#define FUTEX_WAIT	0
#define FUTEX_WAKE	1
#define FUTEX_BOGUS_OP	99

static long futex(void *addr, int op, int val, const void *timeout)
{
	return uthread_syscall(SYS_futex, (long)addr, op, val, (long)timeout, 0, 0);
}

static int word;
static int woken_ok;

/* Sleep until word becomes 1; count the returns that were a real wake-up. */
static void *waiter(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) == 0)
		if (uthread_futex_wait(&word, 0, NULL) == 0)
			__atomic_add_fetch(&woken_ok, 1, __ATOMIC_RELAXED);
	return NULL;
}

static void test_errors(void)
{
	struct timespec bad_ns = { 0, 1000000000L };
	int w = 5;
	long r;

	r = futex(&w, FUTEX_WAIT, 4, NULL);
	check(r == -EAGAIN, "FUTEX_WAIT on a changed value is EAGAIN", "returned %ld", r);
	r = futex(NULL, FUTEX_WAIT, 0, NULL);
	check(r == -EFAULT, "FUTEX_WAIT on NULL is EFAULT", "returned %ld", r);
	r = futex(KERNEL_ADDR, FUTEX_WAIT, 0, NULL);
	check(r == -EFAULT, "FUTEX_WAIT on a kernel address is EFAULT", "returned %ld", r);
	r = futex((char *)&w + 1, FUTEX_WAIT, 0, NULL);
	check(r == -EINVAL, "FUTEX_WAIT on a misaligned address is EINVAL", "returned %ld", r);
	r = futex(&w, FUTEX_WAIT, 5, &bad_ns);
	check(r == -EINVAL, "FUTEX_WAIT with tv_nsec >= 1e9 is EINVAL", "returned %ld", r);
	r = futex(&w, FUTEX_WAIT, 5, KERNEL_ADDR);
	check(r == -EFAULT, "FUTEX_WAIT with a bad timeout pointer is EFAULT", "returned %ld", r);
	r = futex(&w, FUTEX_WAKE, 1, NULL);
	check(r == 0, "FUTEX_WAKE with no waiters returns 0", "returned %ld", r);
	r = futex(&w, FUTEX_BOGUS_OP, 0, NULL);
	check(r == -ENOSYS, "unknown futex operation is ENOSYS", "returned %ld", r);
}

static void test_timeout(void)
{
	struct timespec ts = { 0, 50000000L };
	int w = 0;
	long long t0 = now_ns(), dt;
	long r = uthread_futex_wait(&w, 0, &ts);

	dt = now_ns() - t0;
	check(r == -ETIMEDOUT, "FUTEX_WAIT with a 50 ms timeout is ETIMEDOUT", "returned %ld", r);
	check(dt >= 49000000LL && dt < 10000000000LL, "... after at least 50 ms",
	      "slept %lld ns", dt);
}

/* WAKE(n) until it returns want (all those sleepers were asleep at once),
 * at most 10 s; returns the sum of what it returned, *seen the largest. */
static long wake_until(int n, long want, long *seen)
{
	long long end = now_ns() + 10000000000LL;
	long total = 0, r;

	*seen = 0;
	while (*seen != want && now_ns() < end) {
		r = uthread_futex_wake(&word, n);
		if (r > 0)
			total += r;
		if (r > *seen || r < 0)
			*seen = r;
		sleep_ms(1);
	}
	return total;
}

static void test_wake(void)
{
	uthread_t t[3];
	long woken = 0, seen;
	long long end;
	int i, created = 0;

	for (i = 0; i < 3; i++)
		created += uthread_create(&t[i], waiter, NULL) == 0;
	if (!check(created == 3, "three waiter threads", "created %d", created))
		_exit(1);	/* ends the waiters */
	/* Woken waiters see word == 0 and sleep again. */
	woken += wake_until(1, 1, &seen);
	check(seen == 1, "FUTEX_WAKE(1) wakes one sleeper and returns 1", "returned %ld", seen);
	woken += wake_until(INT_MAX, 3, &seen);
	check(seen == 3, "FUTEX_WAKE(all) wakes three sleepers and returns 3", "returned %ld",
	      seen);
	__atomic_store_n(&word, 1, __ATOMIC_RELEASE);
	end = now_ns() + 10000000000LL;
	for (i = 0; i < 3; i++) {
		while (uthread_tid(t[i]) && now_ns() < end) {
			long r = uthread_futex_wake(&word, INT_MAX);

			if (r > 0)
				woken += r;
			sleep_ms(1);
		}
	}
	for (i = 0; i < 3 && !uthread_tid(t[i]); i++)
		;
	if (!check(i == 3, "waiters leave once the word changed", "waiter %d still there", i))
		_exit(1);
	for (i = 0; i < 3; i++)
		uthread_join(t[i], NULL);
	check(woken_ok == woken, "every wake-up counted by WAKE returned 0 in WAIT",
	      "WAKE counted %ld, WAIT saw %d", woken, woken_ok);
}

int main(void)
{
	tap_start();
	if (!threads_available())
		return tap_done();
	test_errors();
	test_timeout();
	test_wake();
	return tap_done();
}
