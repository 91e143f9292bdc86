/*
 * Access to user memory. Every kernel read or write of a user address goes
 * through these functions: they check the range lies in the user half and
 * run the copy with the arch's user-access switch (SMAP stac/clac, arm64
 * PAN) and an exception-table fixup, so a bad pointer becomes -EFAULT, never
 * an Oops. A fault on a valid but not-yet-present page is handled like a
 * user fault (demand paging) before the copy continues.
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <kernel/compiler.h>
#include <asm/memory.h>

#define __user

static inline bool access_ok(const void __user *p, size_t n)
{
	unsigned long a = (unsigned long)p;

	return a <= USER_VA_END && n <= USER_VA_END - a;
}

/* Implemented by each arch (with fixups); return bytes NOT copied. */
unsigned long raw_copy_from_user(void *dst, const void __user *src, size_t n);
unsigned long raw_copy_to_user(void __user *dst, const void *src, size_t n);
unsigned long raw_clear_user(void __user *dst, size_t n);

/* Return the number of bytes NOT copied (0 on success), as Linux does. */
static inline unsigned long copy_from_user(void *dst, const void __user *src, size_t n)
{
	return access_ok(src, n) ? raw_copy_from_user(dst, src, n) : n;
}

static inline unsigned long copy_to_user(void __user *dst, const void *src, size_t n)
{
	return access_ok(dst, n) ? raw_copy_to_user(dst, src, n) : n;
}

static inline unsigned long clear_user(void __user *dst, size_t n)
{
	return access_ok(dst, n) ? raw_clear_user(dst, n) : n;
}

/*
 * Copy a NUL-terminated string of at most n bytes (including the NUL).
 * Returns its length, -EFAULT on a bad address, -ENAMETOOLONG if no NUL
 * was found within n bytes. (kernel/uaccess.c)
 */
long strncpy_from_user(char *dst, const char __user *src, long n);

#define get_user(x, ptr) (copy_from_user(&(x), (ptr), sizeof(*(ptr))) ? -EFAULT : 0)
#define put_user(x, ptr)                                                   \
	({                                                                 \
		__typeof__(*(ptr)) __v = (x);                              \
		copy_to_user((ptr), &__v, sizeof(__v)) ? -EFAULT : 0;      \
	})

#endif
