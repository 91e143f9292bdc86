/*
 * Sleeping locks (kernel/locking.c): a mutex, and a reader-writer
 * semaphore (the mmap lock). Both may sleep: never take them while
 * holding a spinlock or in an interrupt handler.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/wait.h>

struct mutex {
	spinlock_t lock;		/* protects owner */
	struct task_struct *owner;	/* NULL when free */
	struct wait_queue_head wq;
};

#define MUTEX_INIT(name) { SPINLOCK_INIT(#name), NULL, WAIT_QUEUE_HEAD_INIT((name).wq) }
#define DEFINE_MUTEX(name) struct mutex name = MUTEX_INIT(name)

void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
bool mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);

struct rw_semaphore {
	spinlock_t lock;
	int count;	/* > 0: readers, -1: one writer, 0: free */
	struct wait_queue_head wq;
};

void init_rwsem(struct rw_semaphore *s);
void down_read(struct rw_semaphore *s);
void up_read(struct rw_semaphore *s);
void down_write(struct rw_semaphore *s);
void up_write(struct rw_semaphore *s);
bool down_read_trylock(struct rw_semaphore *s);
void downgrade_write(struct rw_semaphore *s);

#endif
