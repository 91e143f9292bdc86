/*
 * Spinlocks. Written for SMP from the start: the lock word is taken with an
 * atomic exchange (acquire) and released with a store (release). The
 * _irqsave variants also disable local interrupts, for locks that an
 * interrupt handler takes.
 *
 * Lock order across the kernel is documented in docs/design.md. A lock
 * defined with DEFINE_SPINLOCK_RANK() / spin_lock_init_rank() carries its
 * place in that order (enum lock_rank). With lock debugging
 * (CONFIG_DEBUG_LOCKS, the Makefile's DEBUG=1, kernel/lockdep.c) every
 * spin_lock checks, and panics naming the locks involved, on:
 *   - recursion: the lock is already held by this CPU;
 *   - inversion: a ranked lock is taken while this CPU holds a ranked lock
 *     of a higher rank (equal ranks may nest, e.g. two page-table locks);
 * and schedule() / might_sleep() panic when this CPU holds any spinlock
 * (might_sleep() also when interrupts are off).
 *
 * Ranked locks above LOCK_RANK_WAITQUEUE must be interrupt-safe (taken
 * with interrupts off), because interrupt handlers take wait-queue and
 * scheduler locks: the check does not tell interrupt context apart.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <kernel/compiler.h>

/* Places in the lock order of docs/design.md, outer (low) to inner (high). */
enum lock_rank {
	LOCK_RANK_NONE = 0,		/* not checked against the order */
	LOCK_RANK_ANON_VMA = 20,	/* an anon_vma tree's root lock */
	LOCK_RANK_PAGE_TABLE = 30,	/* mm->page_table_lock: upper levels and
					 * PMD entries (pmd_lock) */
	LOCK_RANK_PTE = 32,		/* a PTE table's lock (pte_lockptr); two
					 * nest in fork and mremap */
	LOCK_RANK_TASKLIST = 40,	/* tasklist_lock */
	LOCK_RANK_WAITQUEUE = 50,	/* wait queues, sleep_lock, futex buckets */
	LOCK_RANK_RQ = 55,		/* rq_lock (taken inside wait-queue locks) */
	LOCK_RANK_SLAB = 60,		/* slab caches */
	LOCK_RANK_ZONE = 65,		/* the buddy allocator */
	LOCK_RANK_FILES = 70,		/* files->lock */
	LOCK_RANK_CONSOLE = 80,		/* console_lock: innermost */
};

typedef struct spinlock {
	u32 locked;
	const char *name;
	u16 rank;			/* enum lock_rank */
	u16 owner;			/* lock debugging: holder's CPU id + 1, 0 = free */
} spinlock_t;

#define SPINLOCK_INIT(n) { 0, n, LOCK_RANK_NONE, 0 }
#define SPINLOCK_INIT_RANK(n, r) { 0, n, r, 0 }
#define DEFINE_SPINLOCK(v) spinlock_t v = SPINLOCK_INIT(#v)
#define DEFINE_SPINLOCK_RANK(v, r) spinlock_t v = SPINLOCK_INIT_RANK(#v, r)

unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long flags);

static inline void spin_lock_init_rank(spinlock_t *l, const char *name, enum lock_rank rank)
{
	l->locked = 0;
	l->name = name;
	l->rank = rank;
	l->owner = 0;
}

static inline void spin_lock_init(spinlock_t *l, const char *name)
{
	spin_lock_init_rank(l, name, LOCK_RANK_NONE);
}

static inline void arch_spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			barrier();
}

static inline bool arch_spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void arch_spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#ifdef CONFIG_DEBUG_LOCKS
/* kernel/lockdep.c: the checked versions. */
void spin_lock(spinlock_t *l);
bool spin_trylock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
/*
 * Panic unless sleeping is allowed here: no spinlock held by this CPU and
 * interrupts on. Quiet until the first task runs (boot code sleeps with
 * interrupts off).
 */
void might_sleep(void);
/* Panic if this CPU holds a spinlock (what = the caller, for the message). */
void lockdep_assert_no_spinlocks(const char *what);
/* Turn the checks on (the boot CPU, once this_cpu() works) / off (panic). */
void lockdep_init(void);
void debug_locks_off(void);
#else
static inline void spin_lock(spinlock_t *l)
{
	arch_spin_lock(l);
}

static inline bool spin_trylock(spinlock_t *l)
{
	return arch_spin_trylock(l);
}

static inline void spin_unlock(spinlock_t *l)
{
	arch_spin_unlock(l);
}

static inline void might_sleep(void)
{
}

static inline void lockdep_assert_no_spinlocks(const char *what)
{
	(void)what;
}

static inline void lockdep_init(void)
{
}

static inline void debug_locks_off(void)
{
}
#endif

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->locked, __ATOMIC_RELAXED);
}

#define spin_lock_irqsave(l, flags)       \
	do {                              \
		(flags) = arch_irq_save(); \
		spin_lock(l);             \
	} while (0)

#define spin_unlock_irqrestore(l, flags)  \
	do {                              \
		spin_unlock(l);           \
		arch_irq_restore(flags);  \
	} while (0)

#endif
