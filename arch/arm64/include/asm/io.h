/*
 * Memory-mapped device register access. Registers are mapped Device-nGnRnE
 * (by the early identity map or ioremap()), so each access is a single,
 * unmerged, in-order bus transaction; the barriers order device accesses
 * against normal-memory accesses (a descriptor written to RAM before a
 * doorbell write, a status read before reading the data it announces).
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <kernel/types.h>
#include <asm/barrier.h>

static inline u32 __raw_readl(const volatile void *addr)
{
	u32 v;

	__asm__ __volatile__("ldr %w0, [%1]" : "=r"(v) : "r"(addr));
	return v;
}

static inline void __raw_writel(u32 v, volatile void *addr)
{
	__asm__ __volatile__("str %w0, [%1]" ::"rZ"(v), "r"(addr));
}

/* Read a 32-bit register; later normal-memory loads are ordered after it. */
static inline u32 readl(const volatile void *addr)
{
	u32 v = __raw_readl(addr);

	dmb(oshld);
	return v;
}

/* Write a 32-bit register after all earlier normal-memory stores. */
static inline void writel(u32 v, volatile void *addr)
{
	dmb(oshst);
	__raw_writel(v, addr);
}

#endif
