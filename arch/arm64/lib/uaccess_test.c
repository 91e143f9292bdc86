/*
 * Self-tests of the arm64 user-access routines (lib/uaccess.S) and their
 * fault path (mm/fault.c), run in the selftest kernel thread:
 *  - with no user address space, a user address faults and is fixed up;
 *  - a kernel address is refused by LDTR/STTR themselves (EL0 permissions)
 *    and never read or written;
 *  - in a scratch address space: demand paging inside a copy, a copy that
 *    stops at the first unmapped byte, and a write to a read-only VMA.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <mm/mmap.h>

#define TEST_UADDR 0x10000000UL	/* a user address nothing maps in a kthread */

static char kernel_secret[24] = "kernel data, hands off";

KTEST(uaccess_unmapped_user_address_is_fixed_up)
{
	char buf[32];

	memset(buf, 0x5a, sizeof(buf));
	KTEST_ASSERT(copy_from_user(buf, (const void __user *)TEST_UADDR, 29) == 29,
		     "copy_from_user of an unmapped address copied something");
	KTEST_ASSERT(buf[0] == 0x5a && buf[28] == 0x5a, "destination was written");
	KTEST_ASSERT(copy_to_user((void __user *)TEST_UADDR, buf, 13) == 13, "copy_to_user");
	KTEST_ASSERT(clear_user((void __user *)(TEST_UADDR + 3), 17) == 17, "clear_user");
	KTEST_ASSERT(strncpy_from_user(buf, (const char __user *)TEST_UADDR, 8) == -EFAULT,
		     "strncpy_from_user");
}

KTEST(uaccess_kernel_address_is_refused)
{
	char buf[sizeof(kernel_secret)];

	memset(buf, 0, sizeof(buf));
	KTEST_ASSERT(copy_from_user(buf, (const void __user *)kernel_secret, 8) == 8,
		     "access_ok let a kernel address through");
	/* Past access_ok: the unprivileged load itself must fault. */
	KTEST_ASSERT(raw_copy_from_user(buf, (const void __user *)kernel_secret,
					sizeof(buf)) == sizeof(buf),
		     "LDTR read kernel memory");
	KTEST_ASSERT(buf[0] == 0, "kernel data leaked into the buffer");
	KTEST_ASSERT(raw_copy_to_user((void __user *)kernel_secret, "XXXXXXXX", 8) == 8,
		     "STTR wrote kernel memory");
	KTEST_ASSERT(raw_clear_user((void __user *)kernel_secret, 5) == 5, "clear_user");
	KTEST_ASSERT(!memcmp(kernel_secret, "kernel data", 11), "kernel data was changed");
}

/* The scratch-mm steps; returns the number of the first that failed, or 0. */
static int scratch_mm_steps(unsigned long rw, unsigned long ro)
{
	char buf[64];

	/* Across the two not-yet-present pages: both are faulted in. */
	memset(buf, 'a', sizeof(buf));
	if (copy_to_user((void __user *)(rw + PAGE_SIZE - 20), buf, sizeof(buf)))
		return 1;
	memset(buf, 0, sizeof(buf));
	if (copy_from_user(buf, (const void __user *)(rw + PAGE_SIZE - 20), 40) ||
	    buf[0] != 'a' || buf[39] != 'a')
		return 2;
	/* Into the read-only page: 11 bytes fit before it, 19 are left. */
	if (copy_to_user((void __user *)(ro - 11), buf, 30) != 19)
		return 3;
	/* Reading the read-only page faults in a zeroed page. */
	if (copy_from_user(buf, (const void __user *)ro, 16) || buf[0])
		return 4;
	return 0;
}

/*
 * current runs the steps in a scratch address space: a read-write VMA of
 * two pages at TEST_UADDR and a read-only page right after it.
 */
KTEST(uaccess_demand_paging_and_partial_copies)
{
	struct task_struct *t = current;
	struct mm_struct *mm = mm_alloc();
	unsigned long rw = TEST_UADDR, ro = TEST_UADDR + 2 * PAGE_SIZE;
	unsigned long flags;
	int err;

	KTEST_ASSERT(mm, "mm_alloc");
	down_write(&mm->mmap_lock);
	err = vm_map_anon_fixed(mm, rw, 2 * PAGE_SIZE, VM_READ | VM_WRITE, NULL);
	if (!err)
		err = vm_map_anon_fixed(mm, ro, PAGE_SIZE, VM_READ, NULL);
	up_write(&mm->mmap_lock);
	if (!err) {
		flags = arch_irq_save();
		t->mm = t->active_mm = mm;
		switch_mm(&init_mm, mm);
		arch_irq_restore(flags);
		err = scratch_mm_steps(rw, ro);
		flags = arch_irq_save();
		t->mm = NULL;
		t->active_mm = &init_mm;
		switch_mm(mm, &init_mm);
		arch_irq_restore(flags);
	}
	mmput(mm);
	KTEST_ASSERT(err == 0, "step/error %d", err);
}
