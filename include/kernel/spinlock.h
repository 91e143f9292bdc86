/*
 * Spinlocks. Written for SMP from the start: the lock word is taken with an
 * atomic exchange (acquire) and released with a store (release). The
 * _irqsave variants also disable local interrupts, for locks that an
 * interrupt handler takes.
 *
 * Lock order across the kernel is documented in docs/design.md.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <kernel/compiler.h>

typedef struct {
	u32 locked;
	const char *name;
} spinlock_t;

#define SPINLOCK_INIT(n) { 0, n }
#define DEFINE_SPINLOCK(v) spinlock_t v = SPINLOCK_INIT(#v)

unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long flags);

static inline void spin_lock_init(spinlock_t *l, const char *name)
{
	l->locked = 0;
	l->name = name;
}

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			barrier();
}

static inline bool spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

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
