/*
 * Wait queues: a task sleeps on a wait_queue_head until a condition holds;
 * whoever makes the condition true calls wake_up(). The condition is always
 * re-checked after setting the task state, so a wake-up between the check
 * and schedule() is never lost:
 *
 *   wait_event(wq, cond)          sleep uninterruptibly until cond
 *   wait_event_interruptible()    ... or until a signal is pending
 *                                 (returns -EINTR then, else 0)
 *   wake_up(wq) / wake_up_all(wq) wake the sleepers (they re-check)
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include <kernel/list.h>
#include <kernel/spinlock.h>

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define WAIT_QUEUE_HEAD_INIT(name) { SPINLOCK_INIT(#name), LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = WAIT_QUEUE_HEAD_INIT(name)

void init_waitqueue_head(struct wait_queue_head *wq);
/* Queue the current task on wq (once; w must start zeroed) and set its
 * state (TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE); then check the
 * condition, then schedule(). */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state);
/* Back to TASK_RUNNING and off the queue. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void wake_up(struct wait_queue_head *wq);	/* all sleepers; they re-check */
#define wake_up_all wake_up
bool signal_pending_current(void);

#define wait_event(wq, cond)                                          \
	do {                                                          \
		struct wait_queue_entry __w = { NULL, { NULL, NULL } }; \
		for (;;) {                                            \
			prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE); \
			if (cond)                                     \
				break;                                \
			schedule();                                   \
		}                                                     \
		finish_wait(&(wq), &__w);                             \
	} while (0)

#define wait_event_interruptible(wq, cond)                            \
	({                                                            \
		struct wait_queue_entry __w = { NULL, { NULL, NULL } }; \
		int __ret = 0;                                        \
		for (;;) {                                            \
			prepare_to_wait(&(wq), &__w, TASK_INTERRUPTIBLE); \
			if (cond)                                     \
				break;                                \
			if (signal_pending_current()) {               \
				__ret = -EINTR;                       \
				break;                                \
			}                                             \
			schedule();                                   \
		}                                                     \
		finish_wait(&(wq), &__w);                             \
		__ret;                                                \
	})

#endif
