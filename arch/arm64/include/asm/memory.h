/*
 * arm64 virtual memory layout (48-bit VAs, 4 KiB granule; TTBR0 holds the
 * user half, TTBR1 the kernel half).
 *
 *   0x0000000000000000 - 0x0000ffffffffffff   user space (TTBR0)
 *   0xffff000000000000 - 0xffff7fffffffffff   direct map: PAGE_OFFSET + phys
 *   0xffff800000000000 - ...                  kernel image: KIMAGE_VADDR maps
 *                                             the 2 MiB-aligned physical base
 *                                             the Image was loaded at, the
 *                                             code starts at + TEXT_OFFSET
 *   0xffff900000000000 - 0xffff9fffffffffff   ioremap window
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define _AC(x, y) x##y
#endif

#define PAGE_OFFSET _AC(0xffff000000000000, UL)
#define KIMAGE_VADDR _AC(0xffff800000000000, UL)
#define TEXT_OFFSET 0x80000
#define IOREMAP_START _AC(0xffff900000000000, UL)
#define IOREMAP_END _AC(0xffffa00000000000, UL)
#define USER_VA_END _AC(0x0001000000000000, UL)

#ifndef __ASSEMBLY__
#include <kernel/types.h>
/* Physical address KIMAGE_VADDR maps to; set by head.S before any C runs. */
extern phys_addr_t kimage_phys_base;
#define __pa_symbol(x) \
	((phys_addr_t)((unsigned long)(x) - KIMAGE_VADDR) + kimage_phys_base)
#endif

#endif
