/*
 * Fast user-space mutexes (kernel/futex.c): FUTEX_WAIT sleeps while the
 * u32 at a user address holds an expected value, FUTEX_WAKE wakes
 * sleepers on that address. Waiters are keyed by (mm, address), so private
 * and shared futexes behave the same (no memory is shared between
 * address spaces yet).
 */
#ifndef KERNEL_FUTEX_H
#define KERNEL_FUTEX_H

#include <kernel/types.h>
#include <kernel/uaccess.h>

struct mm_struct;

/*
 * Wake up to nr waiters (at least one, as Linux does) on uaddr in mm.
 * Returns how many were woken. Takes the bucket lock: no spinlock held.
 */
int futex_wake(struct mm_struct *mm, u32 __user *uaddr, int nr);

#endif
