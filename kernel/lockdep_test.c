/*
 * Self-tests of lock debugging (test builds, CONFIG_DEBUG_LOCKS): locks
 * taken in the documented order pass silently, and each check fires. The
 * firing ones are death tests; tools/test.sh runs each and expects the
 * panic message.
 */
#ifdef CONFIG_DEBUG_LOCKS
#include <kernel/arch.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>

static DEFINE_SPINLOCK_RANK(test_outer, LOCK_RANK_TASKLIST);
static DEFINE_SPINLOCK_RANK(test_inner, LOCK_RANK_CONSOLE);
static DEFINE_MUTEX(test_sleeping_lock);

KTEST(lockdep_documented_order_is_silent)
{
	unsigned long flags;

	spin_lock_irqsave(&test_outer, flags);
	spin_lock(&test_inner);
	spin_unlock(&test_outer);	/* releasing out of order is fine */
	spin_unlock(&test_inner);
	arch_irq_restore(flags);
}

KTEST_DEATH(lockdep_recursive_spinlock_panics)
{
	spin_lock(&test_outer);
	spin_lock(&test_outer);
}

KTEST_DEATH(lockdep_order_inversion_panics)
{
	arch_irq_disable();
	spin_lock(&test_inner);
	spin_lock(&test_outer);
}

KTEST_DEATH(lockdep_sleep_under_spinlock_panics)
{
	spin_lock(&test_outer);
	mutex_lock(&test_sleeping_lock);
}

KTEST_DEATH(lockdep_sleep_with_interrupts_off_panics)
{
	arch_irq_disable();
	mutex_lock(&test_sleeping_lock);
}
#endif
