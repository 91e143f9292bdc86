/*
 * Several CPUs, the generic side: bringing up the secondaries found by the
 * architecture, the online mask, and cross-CPU function calls
 * (smp_call_function_many) and reschedule requests over IPIs.
 *
 * Function calls: each CPU has a queue of call requests under its own
 * lock. The caller queues one request per target, sends IPI_CALL_FUNC and,
 * to wait, spins until every target has run the function. While spinning
 * it runs the requests queued for itself, so two CPUs calling each other
 * at once cannot deadlock even with interrupts off.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>

cpumask_t cpu_online_mask = 1;	/* the boot CPU */

#define BOOT_TIMEOUT_NS 1000000000ULL

/* One target's share of a smp_call_function_many(). */
struct call_request {
	struct list_head entry;		/* in the target's call_queue */
	struct call_data *data;
};

struct call_data {
	void (*fn)(void *);
	void *info;
	int pending;			/* targets that have not run fn yet */
	struct call_request req[NR_CPUS];
};

static struct {
	spinlock_t lock;
	struct list_head list;
} call_queue[NR_CPUS];

/* Bring up one secondary and wait until it is online. */
static int boot_cpu(int cpu)
{
	struct task_struct *idle;
	char name[16];
	u64 start;
	int err;

	snprintf(name, sizeof(name), "swapper/%d", cpu);
	idle = alloc_task(name);
	if (!idle)
		return -ENOMEM;
	idle->flags = PF_KTHREAD;
	idle->state = TASK_RUNNING;
	idle->on_cpu = true;
	idle->cpu = cpu;
	cpus[cpu].self = &cpus[cpu];
	cpus[cpu].id = cpu;
	cpus[cpu].idle = cpus[cpu].curr = idle;
	err = arch_boot_secondary(cpu, idle);
	if (err)
		return err;
	start = arch_clock_ns();
	while (!(READ_ONCE(cpu_online_mask) & cpumask_of(cpu))) {
		if (arch_clock_ns() - start > BOOT_TIMEOUT_NS)
			return -ETIMEDOUT;
		arch_cpu_relax();
	}
	return 0;
}

void smp_init(void)
{
	int n = arch_smp_prepare(), cpu, err;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&call_queue[cpu].lock, "call_queue");
		INIT_LIST_HEAD(&call_queue[cpu].list);
	}
	if (n > NR_CPUS)
		n = NR_CPUS;
	for (cpu = 1; cpu < n; cpu++) {
		err = boot_cpu(cpu);
		if (err)	/* its idle task stays: the CPU may still run on it */
			printk("smp: CPU %d did not come online (error %d)\n", cpu, err);
	}
	printk("smp: %d of %d CPUs online\n", READ_ONCE(nr_cpus_online), n > 0 ? n : 1);
}

void secondary_start_kernel(void)
{
	struct cpu *c = this_cpu();

	__atomic_fetch_or(&cpu_online_mask, cpumask_of(c->id), __ATOMIC_RELEASE);
	__atomic_fetch_add(&nr_cpus_online, 1, __ATOMIC_RELAXED);
	arch_irq_enable();
	cpu_idle();
}

/* Run every request queued for this CPU. */
static void flush_call_queue(void)
{
	int cpu = this_cpu()->id;
	struct call_request *r;
	struct call_data *d;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&call_queue[cpu].lock, flags);
		if (list_empty(&call_queue[cpu].list)) {
			spin_unlock_irqrestore(&call_queue[cpu].lock, flags);
			return;
		}
		r = list_first_entry(&call_queue[cpu].list, struct call_request, entry);
		list_del(&r->entry);
		spin_unlock_irqrestore(&call_queue[cpu].lock, flags);
		d = r->data;
		d->fn(d->info);
		/* After this the caller may free d (it lives on its stack). */
		__atomic_fetch_sub(&d->pending, 1, __ATOMIC_RELEASE);
	}
}

/*
 * Callers have interrupts on and are not in an interrupt handler (a
 * handler spinning here could wait for a CPU that waits for it). wait is
 * always honoured: the request lives on this stack, so the call returns
 * only once every target has run fn.
 */
void smp_call_function_many(cpumask_t mask, void (*fn)(void *), void *info, bool wait)
{
	struct call_data d = { fn, info, 0, { { { NULL, NULL }, NULL } } };
	unsigned long flags;
	int self, cpu;

	(void)wait;
	flags = arch_irq_save();	/* stay on this CPU while queueing */
	self = this_cpu()->id;
	mask &= READ_ONCE(cpu_online_mask);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (cpu == self || !(mask & cpumask_of(cpu)))
			continue;
		d.req[cpu].data = &d;
		__atomic_fetch_add(&d.pending, 1, __ATOMIC_RELAXED);
		spin_lock(&call_queue[cpu].lock);
		list_add_tail(&d.req[cpu].entry, &call_queue[cpu].list);
		spin_unlock(&call_queue[cpu].lock);
		arch_send_ipi(cpu, IPI_CALL_FUNC);
	}
	if (mask & cpumask_of(self))
		fn(info);
	while (__atomic_load_n(&d.pending, __ATOMIC_ACQUIRE)) {
		flush_call_queue();
		arch_cpu_relax();
	}
	arch_irq_restore(flags);
}

void smp_handle_ipi(enum ipi_type type)
{
	switch (type) {
	case IPI_RESCHEDULE:
		this_cpu()->need_resched = true;
		break;
	case IPI_CALL_FUNC:
		flush_call_queue();
		break;
	default:
		printk("smp: CPU %d: unknown IPI %d\n", this_cpu()->id, type);
		break;
	}
}

void smp_send_reschedule(int cpu)
{
	WRITE_ONCE(cpus[cpu].need_resched, true);
	if (cpu != this_cpu()->id)
		arch_send_ipi(cpu, IPI_RESCHEDULE);
}
