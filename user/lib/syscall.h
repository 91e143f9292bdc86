/*
 * Raw Linux system calls for the user library: __syscall6() traps into the
 * kernel with the architecture's convention and returns the raw result
 * (value or -errno); __syscall_ret() turns -errno into errno + -1.
 */
#ifndef _USER_LIB_SYSCALL_H
#define _USER_LIB_SYSCALL_H

#include <asm/unistd.h>
#include <errno.h>

static inline long __syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
#if defined(__x86_64__)
	/* rax = nr, args in rdi rsi rdx r10 r8 r9; syscall clobbers rcx, r11 */
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
#elif defined(__aarch64__)
	/* x8 = nr, args in x0-x5, result in x0 */
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;

	__asm__ volatile("svc #0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	return x0;
#else
#error "unsupported architecture"
#endif
}

/* Results in [-4095, -1] are -errno, as in Linux's ABI. */
static inline long __syscall_ret(long ret)
{
	if ((unsigned long)ret > -4096UL) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

#define __sc(nr, a, b, c, d, e, f) \
	__syscall6((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define __raw_syscall0(nr)			__sc(nr, 0, 0, 0, 0, 0, 0)
#define __raw_syscall1(nr, a)			__sc(nr, a, 0, 0, 0, 0, 0)
#define __raw_syscall2(nr, a, b)		__sc(nr, a, b, 0, 0, 0, 0)
#define __raw_syscall3(nr, a, b, c)		__sc(nr, a, b, c, 0, 0, 0)
#define __raw_syscall4(nr, a, b, c, d)		__sc(nr, a, b, c, d, 0, 0)
#define __raw_syscall5(nr, a, b, c, d, e)	__sc(nr, a, b, c, d, e, 0)
#define __raw_syscall6(nr, a, b, c, d, e, f)	__sc(nr, a, b, c, d, e, f)

/* The same, with errno set on failure. */
#define SYSCALL0(nr)			__syscall_ret(__raw_syscall0(nr))
#define SYSCALL1(nr, a)			__syscall_ret(__raw_syscall1(nr, a))
#define SYSCALL2(nr, a, b)		__syscall_ret(__raw_syscall2(nr, a, b))
#define SYSCALL3(nr, a, b, c)		__syscall_ret(__raw_syscall3(nr, a, b, c))
#define SYSCALL4(nr, a, b, c, d)	__syscall_ret(__raw_syscall4(nr, a, b, c, d))
#define SYSCALL5(nr, a, b, c, d, e)	__syscall_ret(__raw_syscall5(nr, a, b, c, d, e))
#define SYSCALL6(nr, a, b, c, d, e, f)	__syscall_ret(__raw_syscall6(nr, a, b, c, d, e, f))

/* Underscored libc entry point with a weak plain-name alias (newlib's
 * x86_64-elf build calls the plain names, aarch64-elf the underscored). */
#define weak_alias(name, aliasname) \
	extern __typeof(name) aliasname __attribute__((weak, alias(#name)))

#endif
