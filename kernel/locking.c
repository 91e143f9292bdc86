/*
 * Sleeping synchronisation: wait queues, mutexes and reader-writer
 * semaphores. All are built on wait queues, whose spinlock orders a
 * sleeper's "queue myself, set my state, re-check" against a waker's
 * "make the condition true, wake everyone queued".
 *
 * Everything that may sleep here calls might_sleep() first, so lock
 * debugging catches a sleep under a spinlock even when the lock happens
 * to be free.
 */
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init_rank(&wq->lock, "waitqueue", LOCK_RANK_WAITQUEUE);
	INIT_LIST_HEAD(&wq->head);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state)
{
	unsigned long flags;

	might_sleep();
	w->task = current;
	spin_lock_irqsave(&wq->lock, flags);
	if (!w->entry.next)		/* not queued yet (entry starts zeroed) */
		list_add_tail(&w->entry, &wq->head);
	current->state = state;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	current->state = TASK_RUNNING;
	spin_lock_irqsave(&wq->lock, flags);
	if (w->entry.next) {
		list_del(&w->entry);
		w->entry.next = NULL;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void mutex_init(struct mutex *m)
{
	spin_lock_init(&m->lock, "mutex");
	m->owner = NULL;
	init_waitqueue_head(&m->wq);
}

bool mutex_trylock(struct mutex *m)
{
	bool got = false;

	spin_lock(&m->lock);
	if (!m->owner) {
		m->owner = current;
		got = true;
	}
	spin_unlock(&m->lock);
	return got;
}

void mutex_lock(struct mutex *m)
{
	might_sleep();
	if (m->owner == current)
		panic("mutex_lock: recursive locking by %s[%d]\n", current->comm, current->pid);
	wait_event(m->wq, mutex_trylock(m));
}

void mutex_unlock(struct mutex *m)
{
	spin_lock(&m->lock);
	if (m->owner != current)
		panic("mutex_unlock: not the owner (%s[%d])\n", current->comm, current->pid);
	m->owner = NULL;
	spin_unlock(&m->lock);
	wake_up(&m->wq);
}

void init_rwsem(struct rw_semaphore *s)
{
	spin_lock_init(&s->lock, "rwsem");
	s->count = 0;
	init_waitqueue_head(&s->wq);
}

bool down_read_trylock(struct rw_semaphore *s)
{
	bool got = false;

	spin_lock(&s->lock);
	if (s->count >= 0) {
		s->count++;
		got = true;
	}
	spin_unlock(&s->lock);
	return got;
}

static bool down_write_trylock(struct rw_semaphore *s)
{
	bool got = false;

	spin_lock(&s->lock);
	if (s->count == 0) {
		s->count = -1;
		got = true;
	}
	spin_unlock(&s->lock);
	return got;
}

void down_read(struct rw_semaphore *s)
{
	might_sleep();
	wait_event(s->wq, down_read_trylock(s));
}

void down_write(struct rw_semaphore *s)
{
	might_sleep();
	wait_event(s->wq, down_write_trylock(s));
}

void up_read(struct rw_semaphore *s)
{
	bool last;

	spin_lock(&s->lock);
	BUG_ON(s->count <= 0);
	last = --s->count == 0;
	spin_unlock(&s->lock);
	if (last)
		wake_up(&s->wq);
}

void up_write(struct rw_semaphore *s)
{
	spin_lock(&s->lock);
	BUG_ON(s->count != -1);
	s->count = 0;
	spin_unlock(&s->lock);
	wake_up(&s->wq);
}

/* Turn a held write lock into a read lock without letting a writer in. */
void downgrade_write(struct rw_semaphore *s)
{
	spin_lock(&s->lock);
	BUG_ON(s->count != -1);
	s->count = 1;
	spin_unlock(&s->lock);
	wake_up(&s->wq);
}
