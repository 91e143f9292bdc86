/*
 * futex(2): FUTEX_WAIT and FUTEX_WAKE (with or without
 * FUTEX_PRIVATE_FLAG), and futex_wake() for exit's clear_child_tid.
 *
 * Waiters sit in a hash table of buckets keyed by (mm, address), each
 * under its own lock. A waiter queues itself first and reads the user
 * word after (the read may fault and sleep, so it cannot be done under
 * the lock); a waker changes the word first and wakes after. Either the
 * waiter reads the new value (-EAGAIN) or it is queued when the wake
 * comes, so no wake-up is lost. A waiter that was woken returns 0 even if
 * it was about to give up (timeout, signal): the wake counted it.
 */
#include <kernel/errno.h>
#include <kernel/futex.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/arch.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_HASH_BITS 6
#define GOLDEN_RATIO_64 0x61C8864680B583EBULL

struct futex_waiter {
	struct list_head entry;		/* in the bucket, while queued */
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long addr;
	bool woken;			/* dequeued by a waker */
};

static struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;	/* next == NULL: not initialised yet */
} buckets[1 << FUTEX_HASH_BITS] = {
	[0 ... (1 << FUTEX_HASH_BITS) - 1] = {
		SPINLOCK_INIT_RANK("futex_bucket", LOCK_RANK_WAITQUEUE), { NULL, NULL } },
};

/* The bucket of (mm, addr), locked. Interrupts stay on: no handler wakes futexes. */
static struct futex_bucket *lock_bucket(struct mm_struct *mm, unsigned long addr)
{
	u64 key = ((u64)(unsigned long)mm >> 4) ^ (addr >> 2);
	struct futex_bucket *b = &buckets[(key * GOLDEN_RATIO_64) >> (64 - FUTEX_HASH_BITS)];

	spin_lock(&b->lock);
	if (!b->waiters.next)
		INIT_LIST_HEAD(&b->waiters);
	return b;
}

int futex_wake(struct mm_struct *mm, u32 __user *uaddr, int nr)
{
	unsigned long addr = (unsigned long)uaddr;
	struct futex_bucket *b = lock_bucket(mm, addr);
	struct futex_waiter *w, *n;
	int woken = 0;

	list_for_each_entry_safe(w, n, &b->waiters, entry) {
		if (w->mm != mm || w->addr != addr)
			continue;
		list_del(&w->entry);
		w->woken = true;
		wake_up_process(w->task);
		if (++woken >= nr)
			break;
	}
	spin_unlock(&b->lock);
	return woken;
}

/* Dequeue w unless a waker did; returns true if it was woken. */
static bool unqueue(struct futex_waiter *w)
{
	struct futex_bucket *b = lock_bucket(w->mm, w->addr);
	bool woken = w->woken;

	if (!woken)
		list_del(&w->entry);
	spin_unlock(&b->lock);
	return woken;
}

/*
 * Sleep on uaddr while it holds val, until deadline (arch_clock_ns(); 0: no
 * limit). The deadline is on the clock, not on jiffies: jiffies can lag
 * behind the clock and catch up in a burst, which would end the wait early.
 */
static long futex_wait(u32 __user *uaddr, u32 val, u64 deadline)
{
	struct futex_waiter w = { { NULL, NULL }, current, current->mm, (unsigned long)uaddr, false };
	struct futex_bucket *b;
	u64 now;
	long ret = 0;
	u32 uval;

	b = lock_bucket(w.mm, w.addr);
	list_add_tail(&w.entry, &b->waiters);
	spin_unlock(&b->lock);

	if (get_user(uval, uaddr))
		ret = -EFAULT;
	else if (uval != val)
		ret = -EAGAIN;
	while (!ret) {
		b = lock_bucket(w.mm, w.addr);
		if (w.woken) {
			spin_unlock(&b->lock);
			return 0;
		}
		current->state = TASK_INTERRUPTIBLE;
		spin_unlock(&b->lock);
		if (signal_pending_current())
			ret = -EINTR;
		else if (!deadline)
			schedule();
		else if ((now = arch_clock_ns()) >= deadline)
			ret = -ETIMEDOUT;
		else
			__schedule_timeout((long)DIV_ROUND_UP(deadline - now, NSEC_PER_SEC / HZ));
		current->state = TASK_RUNNING;
	}
	return unqueue(&w) ? 0 : ret;
}

long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct timespec ts;
	u64 deadline = 0;

	(void)uaddr2;
	(void)val3;
	if ((op & FUTEX_CLOCK_REALTIME) || (cmd != FUTEX_WAIT && cmd != FUTEX_WAKE))
		return -ENOSYS;
	if (cmd == FUTEX_WAIT && utime) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		/* Over a century is forever, in practice. */
		if ((u64)ts.tv_sec <= (1ULL << 32))
			deadline = arch_clock_ns() + (u64)ts.tv_sec * NSEC_PER_SEC +
				   (u64)ts.tv_nsec;
	}
	if (!IS_ALIGNED((unsigned long)uaddr, sizeof(u32)))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (cmd == FUTEX_WAKE)
		return futex_wake(current->mm, uaddr, (int)val);
	return futex_wait(uaddr, val, deadline);
}
