/*
 * Host-test stand-in for arch/arm64/include/asm/io.h (whose accessors are
 * inline assembly): plain volatile accesses, so a driver built for the
 * host reads and writes the fake register block its test's ioremap()
 * returns. Put this directory before the arch's include directory.
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <kernel/types.h>

static inline u32 readl(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 v, volatile void *addr)
{
	*(volatile u32 *)addr = v;
}

#endif
