/*
 * Self-tests of the generic SMP code: cross-CPU function calls reach every
 * online CPU exactly once, and wake-ups get idle CPUs to run new work, so
 * that as many kernel threads run at once as there are CPUs.
 */
#include <kernel/arch.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/smp.h>

static int hits[NR_CPUS];

static void count_hit(void *arg)
{
	__atomic_fetch_add(&hits[this_cpu()->id], *(int *)arg, __ATOMIC_RELAXED);
}

KTEST(smp_call_function_many_runs_once_on_every_online_cpu)
{
	int one = 1, cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		hits[cpu] = 0;
	smp_call_function_many(cpu_online_mask, count_hit, &one, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		int want = (cpu_online_mask & cpumask_of(cpu)) ? 1 : 0;

		KTEST_ASSERT(READ_ONCE(hits[cpu]) == want, "CPU %d ran the call %d times, expected %d",
			     cpu, hits[cpu], want);
	}
}

KTEST(smp_call_function_many_skips_cpus_outside_the_mask)
{
	int one = 1, self, cpu;
	unsigned long flags = arch_irq_save();	/* stay on this CPU */

	self = this_cpu()->id;
	arch_irq_restore(flags);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		hits[cpu] = 0;
	/* Every CPU but one other than this one (if there is one). */
	smp_call_function_many(cpu_online_mask & ~cpumask_of(self ? 0 : 1), count_hit, &one, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		bool in = (cpu_online_mask & cpumask_of(cpu)) && cpu != (self ? 0 : 1);

		KTEST_ASSERT(READ_ONCE(hits[cpu]) == (in ? 1 : 0), "CPU %d ran it %d times", cpu,
			     hits[cpu]);
	}
}

static DECLARE_WAIT_QUEUE_HEAD(smp_test_wq);
static int started, finished, cpus_seen;

/* Spin until every spinner runs at once (or 2 s pass), noting the CPU. */
static int spinner(void *arg)
{
	int want = (int)(long)arg;
	u64 deadline = arch_clock_ns() + 2000000000ULL;

	__atomic_fetch_or(&cpus_seen, 1 << this_cpu()->id, __ATOMIC_RELAXED);
	__atomic_fetch_add(&started, 1, __ATOMIC_RELAXED);
	while (READ_ONCE(started) < want && arch_clock_ns() < deadline)
		arch_cpu_relax();
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELAXED);
	wake_up(&smp_test_wq);
	return 0;
}

KTEST(smp_wake_up_gets_every_cpu_running)
{
	int n = READ_ONCE(nr_cpus_online), i;

	started = finished = cpus_seen = 0;
	for (i = 0; i < n; i++)
		KTEST_ASSERT(kthread_run(spinner, (void *)(long)n, "ktest-spin"), "kthread_run");
	wait_event(smp_test_wq, READ_ONCE(finished) == n);
	KTEST_ASSERT(started == n, "only %d of %d spinners started", started, n);
	KTEST_ASSERT(__builtin_popcount(cpus_seen) == n,
		     "%d spinners ran on CPUs 0x%x: not one per CPU", n, cpus_seen);
}

static int woken_on;
static volatile bool go;

static int sleeper(void *arg)
{
	(void)arg;
	wait_event(smp_test_wq, READ_ONCE(go));
	WRITE_ONCE(woken_on, this_cpu()->id + 1);
	wake_up(&smp_test_wq);
	return 0;
}

KTEST(smp_wake_up_reaches_a_sleeper_on_any_cpu)
{
	int round;

	for (round = 0; round < 50; round++) {
		go = false;
		woken_on = 0;
		KTEST_ASSERT(kthread_run(sleeper, NULL, "ktest-sleep"), "kthread_run");
		if (round & 1)
			schedule();	/* let it go to sleep first, sometimes */
		WRITE_ONCE(go, true);
		wake_up(&smp_test_wq);
		wait_event(smp_test_wq, READ_ONCE(woken_on));
	}
}
