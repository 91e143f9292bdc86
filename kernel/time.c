/*
 * Kernel time: jiffies, counted by every arch's periodic timer interrupt.
 */
#include <kernel/arch.h>
#include <kernel/sched.h>
#include <kernel/time.h>

volatile u64 jiffies;

void timer_tick(void)
{
	if (this_cpu()->id == 0)
		__atomic_fetch_add(&jiffies, 1, __ATOMIC_RELAXED);
	scheduler_tick();
}
