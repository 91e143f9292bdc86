/*
 * Lock debugging (CONFIG_DEBUG_LOCKS, on in test builds): the checked
 * spin_lock / spin_trylock / spin_unlock and might_sleep(). Each CPU keeps
 * the spinlocks it holds, in the order taken, in its struct cpu (a
 * spinlock is never held across a sleep, so the holder is a CPU, not a
 * task). The checks and their messages are described in
 * include/kernel/spinlock.h; every report is a panic naming the locks.
 */
#ifdef CONFIG_DEBUG_LOCKS
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/sched.h>

static bool debug_locks;	/* this_cpu() works and nothing has panicked */

void lockdep_init(void)
{
	WRITE_ONCE(debug_locks, true);
}

void debug_locks_off(void)
{
	WRITE_ONCE(debug_locks, false);
}

static void __noreturn __printf(1, 2) lock_bug(const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	debug_locks_off();	/* the report itself takes console_lock */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	panic("lock debugging: %s", buf);
}

/* Interrupts off. */
static void check_acquire(struct cpu *c, const spinlock_t *l)
{
	int i;

	if (l->owner == c->id + 1)
		lock_bug("recursive locking of spinlock %s on CPU %d\n", l->name, c->id);
	if (l->rank == LOCK_RANK_NONE)
		return;
	for (i = 0; i < c->nr_held; i++) {
		const spinlock_t *h = c->held[i];

		if (h->rank > l->rank)
			lock_bug("lock order inversion: taking %s (rank %d) while holding %s (rank %d)\n",
				 l->name, l->rank, h->name, h->rank);
	}
}

/* Interrupts off; l is now held by this CPU. */
static void record_acquire(struct cpu *c, spinlock_t *l)
{
	l->owner = (u16)(c->id + 1);
	if (c->nr_held == LOCKDEP_MAX_HELD)
		lock_bug("more than %d spinlocks held (taking %s)\n", LOCKDEP_MAX_HELD, l->name);
	c->held[c->nr_held++] = l;
}

void spin_lock(spinlock_t *l)
{
	unsigned long flags;
	struct cpu *c;

	if (!READ_ONCE(debug_locks)) {
		arch_spin_lock(l);
		return;
	}
	flags = arch_irq_save();
	c = this_cpu();
	check_acquire(c, l);
	/*
	 * Spin with the caller's interrupt state, not with interrupts off: the
	 * holder may be waiting for this CPU to answer an IPI (a TLB shootdown
	 * under a page-table lock). No kernel preemption: still on CPU c after.
	 */
	while (!arch_spin_trylock(l)) {
		arch_irq_restore(flags);
		while (spin_is_locked(l))
			barrier();
		flags = arch_irq_save();
	}
	record_acquire(c, l);
	arch_irq_restore(flags);
}

bool spin_trylock(spinlock_t *l)
{
	unsigned long flags;

	if (!READ_ONCE(debug_locks))
		return arch_spin_trylock(l);
	flags = arch_irq_save();
	if (!arch_spin_trylock(l)) {
		arch_irq_restore(flags);
		return false;
	}
	record_acquire(this_cpu(), l);
	arch_irq_restore(flags);
	return true;
}

void spin_unlock(spinlock_t *l)
{
	unsigned long flags;
	struct cpu *c;
	int i;

	if (!READ_ONCE(debug_locks) || !l->owner) {
		/* Taken before the checks were on. */
		l->owner = 0;
		arch_spin_unlock(l);
		return;
	}
	flags = arch_irq_save();
	c = this_cpu();
	for (i = c->nr_held - 1; i >= 0 && c->held[i] != l; i--)
		;
	if (i < 0)
		lock_bug("unlocking spinlock %s that CPU %d does not hold (owner CPU %d)\n",
			 l->name, c->id, l->owner - 1);
	for (; i < c->nr_held - 1; i++)
		c->held[i] = c->held[i + 1];
	c->nr_held--;
	l->owner = 0;
	arch_spin_unlock(l);
	arch_irq_restore(flags);
}

void lockdep_assert_no_spinlocks(const char *what)
{
	struct cpu *c;

	if (!READ_ONCE(debug_locks))
		return;
	c = this_cpu();
	if (c->nr_held)
		lock_bug("%s while holding spinlock %s (CPU %d, %d held)\n", what,
			 c->held[c->nr_held - 1]->name, c->id, c->nr_held);
}

/* Boot code runs as CPU 0's idle task, with interrupts off: not checked. */
void might_sleep(void)
{
	if (!READ_ONCE(debug_locks) || current == this_cpu()->idle)
		return;
	lockdep_assert_no_spinlocks("sleeping");
	if (arch_irqs_disabled())
		lock_bug("sleeping with interrupts disabled (%s[%d], CPU %d)\n", current->comm,
			 current->pid, this_cpu()->id);
}
#endif
