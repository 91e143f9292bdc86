/*
 * Self-tests of the scheduler and the sleeping locks, run in the selftest
 * kernel thread: kernel threads, wake-ups through wait queues, mutual
 * exclusion under preemption points, and timed sleeps.
 */
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/time.h>

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int counter, done_threads;
static DEFINE_MUTEX(test_mutex);

static int bump_and_exit(void *arg)
{
	counter += (int)(long)arg;
	__atomic_fetch_add(&done_threads, 1, __ATOMIC_RELAXED);
	wake_up(&test_wq);
	return 0;
}

KTEST(kthreads_run_and_wake_the_waiter)
{
	int i;

	counter = 0;
	done_threads = 0;
	for (i = 1; i <= 4; i++)
		KTEST_ASSERT(kthread_run(bump_and_exit, (void *)(long)i, "ktest"), "kthread_run");
	wait_event(test_wq, READ_ONCE(done_threads) == 4);
	KTEST_ASSERT(counter == 10, "counter is %d, expected 10", counter);
}

/* Increment a shared counter non-atomically, yielding inside the lock. */
static int locked_increments(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 200; i++) {
		int v;

		mutex_lock(&test_mutex);
		v = counter;
		schedule();	/* let the other thread try to get in */
		counter = v + 1;
		mutex_unlock(&test_mutex);
	}
	__atomic_fetch_add(&done_threads, 1, __ATOMIC_RELAXED);
	wake_up(&test_wq);
	return 0;
}

KTEST(mutex_excludes_across_schedule)
{
	counter = 0;
	done_threads = 0;
	KTEST_ASSERT(kthread_run(locked_increments, NULL, "ktest-a"), "kthread_run");
	KTEST_ASSERT(kthread_run(locked_increments, NULL, "ktest-b"), "kthread_run");
	wait_event(test_wq, READ_ONCE(done_threads) == 2);
	KTEST_ASSERT(counter == 400, "lost updates: counter %d, expected 400", counter);
}

KTEST(schedule_timeout_sleeps_at_least_the_ticks)
{
	u64 start = jiffies;
	long left = schedule_timeout(5);

	KTEST_ASSERT(left == 0, "woke early with %ld ticks left", left);
	KTEST_ASSERT(jiffies - start >= 5, "slept %llu ticks, expected >= 5",
		     (unsigned long long)(jiffies - start));
}

KTEST(rwsem_readers_share_writer_excludes)
{
	struct rw_semaphore s;

	init_rwsem(&s);
	down_read(&s);
	KTEST_ASSERT(down_read_trylock(&s), "second reader must get in");
	up_read(&s);
	up_read(&s);
	down_write(&s);
	KTEST_ASSERT(!down_read_trylock(&s), "reader got in past a writer");
	downgrade_write(&s);
	KTEST_ASSERT(down_read_trylock(&s), "reader after downgrade");
	up_read(&s);
	up_read(&s);
}
