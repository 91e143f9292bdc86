/*
 * The thread group: fork from a multi-threaded process gives a child with
 * one thread and a copy of the memory; exit() of one thread leaves the
 * others; exit_group from any thread, a return from main and a fault in
 * any thread end all of them (each case in a forked child, checked through
 * its wait status; a kernel bug fails a check rather than hanging).
 */
#include <signal.h>
#include "threads.h"

#define SPINNERS 3

static long spins[SPINNERS];
static int stop;
static long marker;

static void *spinner(void *arg)
{
	long *n = arg;

	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		__atomic_add_fetch(n, 1, __ATOMIC_RELAXED);
	return NULL;
}

static void *add_one(void *arg)
{
	return (char *)arg + 1;
}

/* In the child of a multi-threaded fork: only this thread runs. */
static void child_after_threaded_fork(void)
{
	long before[SPINNERS], moved = 0;
	void *ret = NULL;
	uthread_t t;
	int i;

	if (marker != 0x5eed)
		_exit(2);
	for (i = 0; i < SPINNERS; i++)
		before[i] = __atomic_load_n(&spins[i], __ATOMIC_RELAXED);
	sleep_ms(50);
	for (i = 0; i < SPINNERS; i++)
		moved += __atomic_load_n(&spins[i], __ATOMIC_RELAXED) != before[i];
	if (moved)
		_exit(3);
	if (uthread_create(&t, add_one, (void *)1) || uthread_join(t, &ret) || ret != (void *)2)
		_exit(4);
}

static void test_fork(void)
{
	uthread_t t[SPINNERS];
	long long end;
	long before;
	int i, created = 0, status;

	marker = 0x5eed;
	for (i = 0; i < SPINNERS; i++)
		created += uthread_create(&t[i], spinner, &spins[i]) == 0;
	if (!check(created == SPINNERS, "three spinning threads", "created %d", created))
		return;
	while (!__atomic_load_n(&spins[SPINNERS - 1], __ATOMIC_RELAXED))
		sleep_ms(1);
	status = run_child(child_after_threaded_fork);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "fork from a threaded process: child sees memory, has one thread, can make threads",
	      "%s (2: memory, 3: other threads run, 4: thread)", status_str(status));
	before = __atomic_load_n(&spins[0], __ATOMIC_RELAXED);
	end = now_ns() + 5000000000LL;
	while (__atomic_load_n(&spins[0], __ATOMIC_RELAXED) == before && now_ns() < end)
		sleep_ms(1);
	check(__atomic_load_n(&spins[0], __ATOMIC_RELAXED) != before,
	      "parent's threads keep running after the fork", "spinner 0 stopped");
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < SPINNERS; i++)
		uthread_join(t[i], NULL);
}

static void *exit_group_7(void *arg)
{
	(void)arg;
	sys1(SYS_exit_group, 7);
	return NULL;
}

static void *exit_thread_3(void *arg)
{
	(void)arg;
	sys1(SYS_exit, 3);
	return NULL;
}

static void *fault(void *arg)
{
	(void)arg;
	*(volatile int *)BAD_ADDR = 1;
	return NULL;
}

static void *block(void *arg)
{
	(void)arg;
	block_ms(10000);
	return NULL;
}

/* Main blocks; a thread calls exit_group(7). */
static void child_thread_exit_group(void)
{
	uthread_t t;

	if (uthread_create(&t, exit_group_7, NULL) == 0)
		block_ms(10000);
	_exit(99);
}

/* A thread exits alone with status 3; main joins it and exits 0. */
static void child_thread_exit(void)
{
	uthread_t t;

	if (uthread_create(&t, exit_thread_3, NULL) || uthread_join(t, NULL))
		_exit(99);
}

/* A thread blocks; main ends the process with status 5. */
static void child_main_exits(void)
{
	uthread_t t;

	if (uthread_create(&t, block, NULL) == 0)
		_exit(5);
	_exit(99);
}

/* Main blocks; a thread faults. */
static void child_thread_faults(void)
{
	uthread_t t;

	if (uthread_create(&t, fault, NULL) == 0)
		block_ms(10000);
	_exit(99);
}

static void test_exits(void)
{
	long long t0;
	int status;

	status = run_child(child_thread_exit_group);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "exit_group in a thread ends the process with its status", "%s", status_str(status));
	status = run_child(child_thread_exit);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "exit of one thread leaves the process running", "%s", status_str(status));
	t0 = now_ns();
	status = run_child(child_main_exits);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 5 && now_ns() - t0 < 5000000000LL,
	      "_exit in main ends the blocked threads too", "%s", status_str(status));
	status = run_child(child_thread_faults);
	check(killed_by(status, SIGSEGV), "a fault in one thread kills the group with SIGSEGV",
	      "%s", status_str(status));
}

int main(void)
{
	tap_start();
	if (!threads_available())
		return tap_done();
	test_fork();
	test_exits();
	return tap_done();
}
