/*
 * Threads of one process (uthread library on clone/futex): create and
 * join with results, thread ids vs the process id, the thread pointer set
 * by CLONE_SETTLS, the tid word set by CLONE_PARENT_SETTID, a futex mutex
 * and a barrier under contention, uthread_exit, and many create/join
 * cycles.
 */
#include "threads.h"

#define NTHREADS 4

struct ids {
	long tid, pid;
	void *self, *tp;
};

static void *add_one(void *arg)
{
	return (char *)arg + 1;
}

static void *report_ids(void *arg)
{
	struct ids *ids = arg;

	ids->tid = sys0(SYS_gettid);
	ids->pid = sys0(SYS_getpid);
	ids->self = uthread_self();
	ids->tp = uthread_thread_pointer();
	return NULL;
}

static void test_create_join(void)
{
	void *ret = NULL;
	uthread_t t;
	int err = uthread_create(&t, add_one, (void *)41);

	if (!check(err == 0, "uthread_create", "error %d (%s)", err, strerror(err)))
		return;
	err = uthread_join(t, &ret);
	check(err == 0 && ret == (void *)42, "uthread_join returns the thread's result",
	      "error %d, result %p", err, ret);
	check(uthread_join(uthread_self(), NULL) == EDEADLK, "joining oneself is EDEADLK", "no");
}

static void test_ids(void)
{
	struct ids ids[NTHREADS];
	uthread_t t[NTHREADS];
	long pid = getpid(), main_tid = sys0(SYS_gettid);
	int i, j, created = 0, distinct = 1, same_pid = 1, settls = 1, settid = 1;

	memset(ids, 0, sizeof(ids));
	for (i = 0; i < NTHREADS; i++)
		created += uthread_create(&t[i], report_ids, &ids[i]) == 0;
	if (!check(created == NTHREADS, "create 4 threads", "created %d", created))
		return;
	for (i = 0; i < NTHREADS; i++) {
		pid_t tid = uthread_tid(t[i]);

		uthread_join(t[i], NULL);
		/* CLONE_PARENT_SETTID stored the tid before clone returned. */
		if (tid != 0 && tid != ids[i].tid)
			settid = 0;
		if (ids[i].pid != pid)
			same_pid = 0;
		if (ids[i].self != t[i] || ids[i].tp != (void *)t[i])
			settls = 0;
		for (j = 0; j < i; j++)
			if (ids[j].tid == ids[i].tid)
				distinct = 0;
		if (ids[i].tid == main_tid || ids[i].tid <= 0)
			distinct = 0;
	}
	check(distinct, "threads have distinct tids, none the main thread's", "tids %ld %ld %ld %ld",
	      ids[0].tid, ids[1].tid, ids[2].tid, ids[3].tid);
	check(same_pid, "getpid in a thread is the process id", "pid %ld, thread saw %ld", pid,
	      ids[0].pid);
	check(settls, "CLONE_SETTLS: thread pointer is the thread's descriptor",
	      "thread 0: self %p tp %p, want %p", ids[0].self, ids[0].tp, (void *)t[0]);
	check(settid, "CLONE_PARENT_SETTID: tid word holds the thread's tid", "no");
	check(uthread_self() == uthread_self() && sys0(SYS_gettid) == main_tid,
	      "main thread keeps its descriptor and tid", "no");
	check(main_tid == pid, "main thread's tid is the pid", "tid %ld pid %ld", main_tid, pid);
}

/* The mutex protects a plain counter. */
static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
static long counter;

#define INCREMENTS 20000

static void *count_locked(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < INCREMENTS; i++) {
		uthread_mutex_lock(&lock);
		counter++;
		uthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void test_mutex(void)
{
	char unused[NTHREADS];
	int err = run_threads(NTHREADS, count_locked, unused, 1);

	check(err == 0 && counter == (long)NTHREADS * INCREMENTS,
	      "mutex: 4 threads x 20000 locked increments", "counter %ld, error %d", counter, err);
	check(uthread_mutex_trylock(&lock) == 0 && uthread_mutex_trylock(&lock) == EBUSY,
	      "trylock takes a free mutex, EBUSY on a held one", "no");
	uthread_mutex_unlock(&lock);
}

/* Each round every thread writes its slot, waits, then checks everyone's. */
#define ROUNDS 50
static uthread_barrier_t barrier;
static int slots[2][NTHREADS];
static int serial_count, barrier_errors;

static void *barrier_rounds(void *arg)
{
	int me = (int)(long)*(char *)arg, r, i;

	for (r = 1; r <= ROUNDS; r++) {
		slots[r & 1][me] = r;
		if (uthread_barrier_wait(&barrier))
			__atomic_add_fetch(&serial_count, 1, __ATOMIC_RELAXED);
		for (i = 0; i < NTHREADS; i++)
			if (__atomic_load_n(&slots[r & 1][i], __ATOMIC_RELAXED) != r)
				__atomic_add_fetch(&barrier_errors, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void test_barrier(void)
{
	char ids[NTHREADS] = { 0, 1, 2, 3 };
	int err;

	uthread_barrier_init(&barrier, NTHREADS);
	err = run_threads(NTHREADS, barrier_rounds, ids, 1);
	check(err == 0 && barrier_errors == 0, "barrier: 50 rounds, everyone's write seen",
	      "%d stale slots, error %d", barrier_errors, err);
	check(serial_count == ROUNDS, "barrier: one serial thread per round", "%d in %d rounds",
	      serial_count, ROUNDS);
}

static void *exit_early(void *arg)
{
	uthread_exit(arg);
}

static void test_exit_and_cycles(void)
{
	void *ret = NULL;
	uthread_t t;
	int i, ok = 0;

	if (uthread_create(&t, exit_early, (void *)7) == 0)
		uthread_join(t, &ret);
	check(ret == (void *)7, "uthread_exit: the result reaches join, the process lives on",
	      "result %p", ret);
	for (i = 0; i < 200; i++) {
		ret = NULL;
		if (uthread_create(&t, add_one, (void *)(long)i) != 0)
			break;
		uthread_join(t, &ret);
		ok += ret == (void *)(long)(i + 1);
	}
	check(ok == 200, "200 create/join cycles", "%d succeeded", ok);
}

int main(void)
{
	tap_start();
	if (!threads_available())
		return tap_done();
	test_create_join();
	test_ids();
	test_mutex();
	test_barrier();
	test_exit_and_cycles();
	return tap_done();
}
