/*
 * Wrappers for the privileged instructions that have no better home:
 * control registers, TLB invalidation, the time-stamp counter, hlt.
 */
#ifndef ASM_SPECIAL_INSNS_H
#define ASM_SPECIAL_INSNS_H

#include <kernel/types.h>

#define DEFINE_READ_CR(n)                                                  \
	static inline unsigned long read_cr##n(void)                       \
	{                                                                  \
		unsigned long v;                                           \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));      \
		return v;                                                  \
	}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
#undef DEFINE_READ_CR

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr0" ::"r"(v) : "memory");
}

static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr3" ::"r"(v) : "memory");
}

static inline void write_cr4(unsigned long v)
{
	__asm__ __volatile__("mov %0, %%cr4" ::"r"(v) : "memory");
}

/* Drop the TLB entry (global or not) for the page holding addr. */
static inline void invlpg(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" ::"r"(addr) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

#endif
