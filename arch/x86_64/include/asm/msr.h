/*
 * Model-specific registers this kernel touches, and rdmsr/wrmsr.
 */
#ifndef ASM_MSR_H
#define ASM_MSR_H

#define MSR_IA32_APICBASE 0x0000001b	/* local APIC base and enable */
#define MSR_EFER 0xc0000080		/* extended feature enables */
#define MSR_STAR 0xc0000081		/* syscall/sysret segment selectors */
#define MSR_LSTAR 0xc0000082		/* 64-bit syscall entry point */
#define MSR_SYSCALL_MASK 0xc0000084	/* RFLAGS bits syscall clears */
#define MSR_FS_BASE 0xc0000100		/* FS base: user TLS */
#define MSR_GS_BASE 0xc0000101		/* GS base: kernel per-CPU in kernel mode */
#define MSR_KERNEL_GS_BASE 0xc0000102	/* the other GS base, swapped in by swapgs */

#ifndef __ASSEMBLY__
#include <kernel/types.h>

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" ::"c"(msr), "a"((u32)val), "d"((u32)(val >> 32))
			     : "memory");
}
#endif

#endif
