/*
 * Helpers of the thread and SMP tests (t_thread*, t_smp*, t_tlb*), on top
 * of tap.h and <uthread.h>. Everything here that a created thread may call
 * avoids the C library (see uthread.h); the tests build and pass on a
 * Linux host with glibc too.
 */
#ifndef USER_TESTS_THREADS_H
#define USER_TESTS_THREADS_H

#include "tap.h"
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <uthread.h>

#define PAGE_SIZE_4K 4096UL

#define sys0(nr)		uthread_syscall((nr), 0, 0, 0, 0, 0, 0)
#define sys1(nr, a)		uthread_syscall((nr), (long)(a), 0, 0, 0, 0, 0)
#define sys2(nr, a, b)		uthread_syscall((nr), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(nr, a, b, c)	uthread_syscall((nr), (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* Anonymous private read-write memory, from any thread; NULL on failure. */
static inline void *thread_map(size_t len)
{
	long p = uthread_syscall(SYS_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return (unsigned long)p > -4096UL ? NULL : (void *)p;
}

static inline long thread_unmap(void *p, size_t len)
{
	return sys2(SYS_munmap, p, len);
}

/* Monotonic time in nanoseconds (any thread: a raw clock_gettime). */
static inline long long now_ns(void)
{
	struct timespec ts;

	sys2(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Sleep ms milliseconds (any thread). */
static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	sys2(SYS_nanosleep, &ts, NULL);
}

/*
 * Run fn on n threads, thread i getting (char *)args + i * size, and join
 * them all. Returns 0, or the errno of the first uthread_create that
 * failed (the threads started before it are still joined).
 */
static inline int run_threads(int n, void *(*fn)(void *), void *args, size_t size)
{
	uthread_t t[64];
	int i, started, err = 0;

	for (started = 0; started < n && started < 64; started++) {
		err = uthread_create(&t[started], fn, (char *)args + (size_t)started * size);
		if (err)
			break;
	}
	for (i = 0; i < started; i++)
		uthread_join(t[i], NULL);
	return err;
}

/* Block this thread forever (until the process dies); gives up after
 * ms milliseconds so that a kernel bug fails a test instead of hanging it. */
static inline void block_ms(long ms)
{
	long long end = now_ns() + ms * 1000000LL;
	int word = 0;

	while (now_ns() < end) {
		struct timespec ts = { 0, 100000000L };

		uthread_futex_wait(&word, 0, &ts);
	}
}

static inline void *thread_nop(void *arg)
{
	return arg;
}

/*
 * Whether this kernel runs threads: 1 after a first thread was created and
 * ended (checks recorded). If clone of a thread is EINVAL or ENOSYS, a
 * skip is recorded; if the thread fails, a failure; both return 0.
 */
static inline int threads_available(void)
{
	uthread_t t;
	int err = uthread_create(&t, thread_nop, NULL);

	long long end = now_ns() + 5000000000LL;

	if (err == EINVAL || err == ENOSYS) {
		skip("threads", "clone(CLONE_THREAD|CLONE_VM...) is not supported yet");
		return 0;
	}
	if (!check(err == 0, "threads: create one", "error %d (%s)", err, strerror(err)))
		return 0;
	/* Join with a bound, so that a kernel bug fails instead of hanging. */
	while (uthread_tid(t) && now_ns() < end)
		sleep_ms(1);
	if (!check(uthread_tid(t) == 0, "threads: a trivial thread ends within 5 s",
		   "its tid word is still %d", uthread_tid(t)))
		return 0;
	uthread_join(t, NULL);
	return 1;
}

#endif
