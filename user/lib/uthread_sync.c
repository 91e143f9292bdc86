/*
 * Synchronisation of the uthread library (<uthread.h>): raw system calls,
 * futex wait/wake, the futex mutex ("Futexes Are Tricky", Drepper, mutex
 * 2) and a generation-counting barrier. No C-library calls: usable from
 * any thread.
 */
#include <limits.h>
#include <uthread.h>
#include "syscall.h"

#define FUTEX_WAIT	0
#define FUTEX_WAKE	1

long uthread_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	return __syscall6(nr, a, b, c, d, e, f);
}

long uthread_futex_wait(int *addr, int val, const struct timespec *timeout)
{
	return __raw_syscall4(__NR_futex, addr, FUTEX_WAIT, val, timeout);
}

long uthread_futex_wake(int *addr, int n)
{
	return __raw_syscall3(__NR_futex, addr, FUTEX_WAKE, n);
}

/* Lock states: 0 free, 1 held, 2 held and someone may sleep on it. */
void uthread_mutex_lock(uthread_mutex_t *m)
{
	int c = 0;

	if (__atomic_compare_exchange_n(&m->state, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		uthread_futex_wait(&m->state, 2, NULL);
		c = __atomic_exchange_n(&m->state, 2, __ATOMIC_ACQUIRE);
	}
}

int uthread_mutex_trylock(uthread_mutex_t *m)
{
	int c = 0;

	return __atomic_compare_exchange_n(&m->state, &c, 1, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED) ? 0 : EBUSY;
}

/* Wake one sleeper only if the lock was contended (state 2). */
void uthread_mutex_unlock(uthread_mutex_t *m)
{
	if (__atomic_fetch_sub(&m->state, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(&m->state, 0, __ATOMIC_RELEASE);
		uthread_futex_wake(&m->state, 1);
	}
}

void uthread_barrier_init(uthread_barrier_t *b, unsigned int count)
{
	b->count = count;
	b->arrived = 0;
	b->generation = 0;
}

/*
 * The generation is read before arriving, so the last arrival's bump
 * (which resets the count for the next round first) is always seen as a
 * change by everyone of this round.
 */
int uthread_barrier_wait(uthread_barrier_t *b)
{
	int gen = __atomic_load_n(&b->generation, __ATOMIC_ACQUIRE);

	if (__atomic_add_fetch(&b->arrived, 1, __ATOMIC_ACQ_REL) == b->count) {
		__atomic_store_n(&b->arrived, 0, __ATOMIC_RELAXED);
		__atomic_fetch_add(&b->generation, 1, __ATOMIC_RELEASE);
		uthread_futex_wake(&b->generation, INT_MAX);
		return 1;
	}
	while (__atomic_load_n(&b->generation, __ATOMIC_ACQUIRE) == gen)
		uthread_futex_wait(&b->generation, gen, NULL);
	return 0;
}
