/*
 * x86-64 virtual memory layout (48-bit, 4-level paging).
 *
 *   0x0000000000000000 - 0x00007fffffffffff   user space (128 TiB)
 *   0xffff888000000000 - ...                  direct map of all RAM
 *                                             (PAGE_OFFSET + phys)
 *   0xffffc90000000000 - 0xffffc97fffffffff   ioremap window (one PGD
 *                                             slot, 512 GiB: its PUD table
 *                                             is made at boot and shared
 *                                             by every user PGD)
 *   0xffffffff80000000 - 0xffffffffffffffff   kernel image (KIMAGE_VADDR
 *                                             + phys, -mcmodel=kernel)
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define _AC(x, y) x##y
#endif

#define PAGE_OFFSET _AC(0xffff888000000000, UL)
#define KIMAGE_VADDR _AC(0xffffffff80000000, UL)
#define IOREMAP_START _AC(0xffffc90000000000, UL)
#define IOREMAP_END _AC(0xffffc98000000000, UL)
#define USER_VA_END _AC(0x0000800000000000, UL)	/* end of the user half */

/* The image is loaded at physical (link address - KIMAGE_VADDR). */
#define __pa_symbol(x) ((phys_addr_t)((unsigned long)(x) - KIMAGE_VADDR))

#endif
