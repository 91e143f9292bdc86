/*
 * The scheduler: one run queue shared by all CPUs (under rq_lock), round
 * robin with a time slice of SLICE_TICKS timer ticks, an idle task per CPU.
 *
 * A context switch happens only in schedule(), with interrupts off and
 * rq_lock held; the task switched to releases the lock (finish_switch()),
 * either where it left off in schedule() or, the first time it runs, in
 * schedule_tail(). Holding rq_lock across the switch keeps another CPU
 * from picking the outgoing task before its registers are saved.
 *
 * Sleeping: set current->state to a sleeping state, then schedule();
 * wake_up_process() makes it runnable again. schedule_timeout() adds a
 * deadline in jiffies, checked by CPU 0's tick.
 *
 * Several CPUs: any CPU runs any queued task. A task made runnable while
 * some CPU idles gets that CPU an IPI_RESCHEDULE (idle CPUs sit in
 * arch_wait_for_interrupt()). A task being woken while it still switches
 * out on another CPU (on_cpu) is not queued by the waker: its own
 * schedule() sees it runnable, or rq_lock, held until the switch is over,
 * makes the waker wait until on_cpu is false. So no task runs on two CPUs.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>
#include <mm/mmap.h>
#include <mm/page_alloc.h>
#include <mm/slab.h>

#define SLICE_TICKS 5

struct cpu cpus[NR_CPUS];
int nr_cpus_online = 1;
LIST_HEAD(task_list);
DEFINE_SPINLOCK_RANK(tasklist_lock, LOCK_RANK_TASKLIST);

static DEFINE_SPINLOCK_RANK(rq_lock, LOCK_RANK_RQ);
static LIST_HEAD(runqueue);
static struct task_struct boot_idle;	/* CPU 0's idle task: the boot context */
static int next_pid = 1;

/* Tasks in schedule_timeout(), woken by the tick at their deadline. */
static DEFINE_SPINLOCK_RANK(sleep_lock, LOCK_RANK_WAITQUEUE);
static LIST_HEAD(sleepers);
struct sleeper {
	struct list_head list;
	struct task_struct *task;
	u64 deadline;
};

static void init_task_common(struct task_struct *t, const char *name)
{
	strlcpy(t->comm, name, sizeof(t->comm));
	t->state = TASK_RUNNING;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->run_list);
	init_waitqueue_head(&t->child_wait);
	t->group_leader = t;
	INIT_LIST_HEAD(&t->thread_head);
	list_add(&t->thread_node, &t->thread_head);
	t->active_mm = &init_mm;
	t->start_time = jiffies;
}

void sched_init(void)
{
	struct cpu *c = &cpus[0];

	c->self = c;
	c->id = 0;
	init_task_common(&boot_idle, "swapper/0");
	boot_idle.flags = PF_KTHREAD;
	boot_idle.on_cpu = true;
	c->curr = c->idle = &boot_idle;
	arch_cpu_set_percpu(c);
	lockdep_init();
}

static int alloc_pid(void)
{
	return __atomic_fetch_add(&next_pid, 1, __ATOMIC_RELAXED);
}

struct task_struct *alloc_task(const char *name)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct folio *stack;

	if (!t)
		return NULL;
	stack = folio_alloc(__builtin_ctzl(THREAD_SIZE / PAGE_SIZE), 0);
	if (!stack) {
		kfree(t);
		return NULL;
	}
	t->stack = folio_address(stack);
	init_task_common(t, name);
	t->state = TASK_UNINTERRUPTIBLE;	/* runnable once wake_up_process() */
	return t;
}

void free_task(struct task_struct *t)
{
	folio_put(page_folio(virt_to_page(t->stack)));
	kfree(t);
}

/* Make t visible in the task list with a fresh pid. tasklist_lock held. */
void __publish_task(struct task_struct *t)
{
	t->pid = alloc_pid();
	if (!t->tgid)
		t->tgid = t->pid;
	list_add_tail(&t->tasks, &task_list);
}

void publish_task(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	__publish_task(t);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct task_struct *kthread_run(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *t = alloc_task(name);

	if (!t)
		return NULL;
	t->flags = PF_KTHREAD;
	arch_setup_kthread(t, fn, arg);
	publish_task(t);
	wake_up_process(t);
	return t;
}

/* rq_lock held. */
static void enqueue(struct task_struct *t)
{
	if (!t->on_rq) {
		list_add_tail(&t->run_list, &runqueue);
		t->on_rq = true;
	}
}

/*
 * A task was queued: get an idle CPU to run it (this one if it idles: its
 * idle loop looks at the queue after the interrupt or call that woke it).
 * rq_lock held, so cpus[].curr is stable.
 */
static void kick_idle_cpu(void)
{
	struct cpu *self = this_cpu();
	int i;

	if (self->curr == self->idle) {
		self->need_resched = true;
		return;
	}
	for (i = 0; i < NR_CPUS; i++) {
		struct cpu *c = &cpus[i];

		if (c == self || !(READ_ONCE(cpu_online_mask) & cpumask_of(i)))
			continue;
		if (c->curr == c->idle && !READ_ONCE(c->need_resched)) {
			smp_send_reschedule(i);
			return;
		}
	}
}

/*
 * Make t runnable if it sleeps (only if interruptibly, unless
 * uninterruptible_too). The state is read under rq_lock, which schedule()
 * holds while it checks the sleeper for signals: a signal set before the
 * waker takes rq_lock is seen there, so no wake-up is lost.
 */
static void try_to_wake_up(struct task_struct *t, bool uninterruptible_too)
{
	unsigned long flags;

	spin_lock_irqsave(&rq_lock, flags);
	if (t->state == TASK_INTERRUPTIBLE ||
	    (uninterruptible_too && t->state == TASK_UNINTERRUPTIBLE)) {
		t->state = TASK_RUNNING;
		/* A task still on its CPU is requeued by its own schedule(). */
		if (!t->on_cpu) {
			enqueue(t);
			kick_idle_cpu();
		}
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

void wake_up_process(struct task_struct *t)
{
	try_to_wake_up(t, true);
}

void signal_wake_up(struct task_struct *t)
{
	try_to_wake_up(t, false);
}

/* The second half of a switch, run by the task switched to. rq_lock held. */
static void finish_switch(struct task_struct *prev)
{
	prev->on_cpu = false;
	spin_unlock(&rq_lock);
	/* A thread without a parent to reap it is freed as soon as it is off
	 * its stack: that is now. */
	if (prev->state == TASK_DEAD)
		free_task(prev);
}

void schedule_tail(struct task_struct *prev)
{
	struct task_struct *t = current;

	finish_switch(prev);
	arch_irq_enable();
	if (t->set_child_tid) {
		int __user *tidp = (int __user *)t->set_child_tid;

		t->set_child_tid = 0;
		/* Linux ignores a fault here too: the thread runs anyway. */
		(void)put_user(t->pid, tidp);
	}
}

void schedule(void)
{
	unsigned long flags;
	struct cpu *c;
	struct task_struct *prev, *next;

	lockdep_assert_no_spinlocks("schedule()");
	flags = arch_irq_save();
	c = this_cpu();
	prev = c->curr;
	spin_lock(&rq_lock);
	c->need_resched = false;
	/* A signal that came before the sleep: stay runnable (see try_to_wake_up). */
	if (prev->state == TASK_INTERRUPTIBLE && signal_pending_current())
		prev->state = TASK_RUNNING;
	if (prev->state == TASK_RUNNING && prev != c->idle)
		enqueue(prev);
	if (list_empty(&runqueue)) {
		next = c->idle;
	} else {
		next = list_first_entry(&runqueue, struct task_struct, run_list);
		list_del(&next->run_list);
		next->on_rq = false;
	}
	if (next == prev) {
		spin_unlock(&rq_lock);
		arch_irq_restore(flags);
		return;
	}
	next->cpu = c->id;
	next->on_cpu = true;
	next->time_slice = SLICE_TICKS;
	c->curr = next;
	if (next->mm)
		next->active_mm = next->mm;
	if (next->active_mm != prev->active_mm)
		switch_mm(prev->active_mm, next->active_mm);
	prev = arch_switch_to(prev, next);
	finish_switch(prev);
	arch_irq_restore(flags);
}

void cond_resched(void)
{
	if (this_cpu()->need_resched)
		schedule();
}

/* Wake every sleeper whose deadline has passed. Interrupts off. */
static void wake_sleepers(void)
{
	struct sleeper *s, *n;

	spin_lock(&sleep_lock);
	list_for_each_entry_safe(s, n, &sleepers, list) {
		if (jiffies >= s->deadline) {
			list_del(&s->list);
			s->list.next = NULL;
			wake_up_process(s->task);
		}
	}
	spin_unlock(&sleep_lock);
}

void scheduler_tick(void)
{
	struct cpu *c = this_cpu();
	struct task_struct *t = c->curr;

	if (c->id == 0)
		wake_sleepers();
	if (t == c->idle) {
		if (!list_empty(&runqueue))
			c->need_resched = true;
		return;
	}
	t->stime++;
	if (--t->time_slice <= 0)
		c->need_resched = true;
}

long schedule_timeout(long ticks)
{
	current->state = TASK_INTERRUPTIBLE;
	return __schedule_timeout(ticks);
}

long __schedule_timeout(long ticks)
{
	struct sleeper s = { { NULL, NULL }, current, jiffies + (u64)ticks };
	unsigned long flags;
	long left;

	spin_lock_irqsave(&sleep_lock, flags);
	list_add_tail(&s.list, &sleepers);
	spin_unlock_irqrestore(&sleep_lock, flags);
	schedule();
	spin_lock_irqsave(&sleep_lock, flags);
	if (s.list.next)
		list_del(&s.list);
	spin_unlock_irqrestore(&sleep_lock, flags);
	current->state = TASK_RUNNING;
	left = (long)(s.deadline - jiffies);
	return left > 0 ? left : 0;
}

/* What every CPU does when it has nothing else to run (its idle task). */
void __noreturn cpu_idle(void)
{
	for (;;) {
		arch_irq_disable();
		if (!list_empty(&runqueue) || this_cpu()->need_resched) {
			arch_irq_enable();
			schedule();
			continue;
		}
		/* Enables interrupts and halts atomically: no lost wake-up. */
		arch_wait_for_interrupt();
	}
}

void exit_to_user_mode(struct pt_regs *regs)
{
	arch_irq_enable();
	for (;;) {
		if (this_cpu()->need_resched)
			schedule();
		if (signal_pending_current())
			do_signal(regs);
		else
			break;
	}
}
