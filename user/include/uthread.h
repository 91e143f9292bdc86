/*
 * <uthread.h>: a small pthread-like thread library on raw Linux system
 * calls (clone, futex, exit), for newlib on this kernel and, unchanged, for
 * glibc on a Linux host (user/lib/uthread*.c; it does not use the host's
 * pthreads). Names follow pthreads with a "uthread_" prefix, because both C
 * libraries already define the pthread_* types.
 *
 * Threads share the address space, files and signal handlers, and form one
 * thread group (CLONE_THREAD): a fault in any thread kills them all, and
 * exit() / returning from main ends every thread (exit_group).
 *
 * Thread safety of the C library: errno, stdio and malloc of newlib are
 * NOT thread-safe in this build (errno is one global, _impure_ptr; locks
 * are no-ops), and on a glibc host a thread made here has no glibc thread
 * descriptor. Code running in a created thread must therefore use only
 * this header: uthread_syscall() for system calls (it returns -errno and
 * never touches errno), the mutex/barrier/futex calls, and plain memory.
 * The creating thread may use the C library as usual.
 */
#ifndef _USER_UTHREAD_H
#define _USER_UTHREAD_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

typedef struct uthread *uthread_t;

/* Size of each created thread's stack (mmap-ed, no guard page). */
#define UTHREAD_STACK_SIZE	(128 * 1024)

/*
 * Start fn(arg) in a new thread of this process. Returns 0 and the thread
 * in *thread, or a positive errno (EAGAIN, ENOMEM, ...) as pthread_create.
 */
int uthread_create(uthread_t *thread, void *(*fn)(void *), void *arg);

/*
 * Wait until thread has exited (the kernel clears its tid word and wakes
 * it through CLONE_CHILD_CLEARTID), store its result in *ret if ret is not
 * NULL, and free its stack. Each thread is joined exactly once, not by
 * itself. Returns 0, or EDEADLK when thread is the caller.
 */
int uthread_join(uthread_t thread, void **ret);

/* The calling thread (the main thread has a descriptor too). */
uthread_t uthread_self(void);

/* The kernel thread id (gettid) of thread; 0 once it has exited. */
pid_t uthread_tid(uthread_t thread);

/* End the calling thread with result ret; the process lives on while
 * other threads do. (Only for created threads; main should return.) */
void uthread_exit(void *ret) __attribute__((noreturn));

/* The value of the CPU's thread-pointer register (x86-64 FS base as read
 * through %fs:0, arm64 TPIDR_EL0): for a created thread, its uthread_t. */
void *uthread_thread_pointer(void);

/* Raw system call: the result or -errno; errno is left alone. */
long uthread_syscall(long nr, long a, long b, long c, long d, long e, long f);

/*
 * futex(2) FUTEX_WAIT: sleep while *addr == val, at most *timeout
 * (relative; NULL waits forever). Returns 0 when woken, -EAGAIN if *addr
 * != val, -ETIMEDOUT, -EINTR, -EFAULT for a bad address.
 */
long uthread_futex_wait(int *addr, int val, const struct timespec *timeout);

/* futex(2) FUTEX_WAKE: wake up to n waiters on addr; returns how many
 * were woken, or -errno. */
long uthread_futex_wake(int *addr, int n);

/* A mutex on a futex word: 0 unlocked, 1 locked, 2 locked with waiters. */
typedef struct {
	int state;
} uthread_mutex_t;

#define UTHREAD_MUTEX_INITIALIZER { 0 }

void uthread_mutex_lock(uthread_mutex_t *m);
/* Returns 0 if the lock was taken, EBUSY if it is held. */
int uthread_mutex_trylock(uthread_mutex_t *m);
void uthread_mutex_unlock(uthread_mutex_t *m);

/* A reusable barrier for count threads. */
typedef struct {
	unsigned int count;
	unsigned int arrived;
	int generation;			/* the futex word: bumped per round */
} uthread_barrier_t;

void uthread_barrier_init(uthread_barrier_t *b, unsigned int count);
/* Block until count threads have called it; returns 1 in exactly one of
 * them (as PTHREAD_BARRIER_SERIAL_THREAD) and 0 in the others. */
int uthread_barrier_wait(uthread_barrier_t *b);

#endif
