/*
 * Descriptors head.S writes into the early page tables, as plain numbers
 * because <asm/pgtable.h> is C only. They are the same bits as PTE_* there
 * (mm/mmu.c checks that at compile time):
 *
 *   bits 1:0   0b11 table, 0b01 block
 *   bits 4:2   AttrIndx (MT_NORMAL = 1, MT_DEVICE_nGnRnE = 0)
 *   bits 9:8   SH = 0b11 inner shareable
 *   bit 10     AF (access flag, set so the first access does not fault)
 *   bit 53/54  PXN / UXN
 */
#ifndef ASM_KERNEL_PGTABLE_H
#define ASM_KERNEL_PGTABLE_H

#include <asm/memory.h>

#define EARLY_TABLE _AC(0x3, UL)
#define EARLY_BLOCK _AC(0x1, UL)
#define EARLY_ATTR_NORMAL (_AC(1, UL) << 2)
#define EARLY_ATTR_DEVICE (_AC(0, UL) << 2)
#define EARLY_SH_INNER (_AC(3, UL) << 8)
#define EARLY_AF (_AC(1, UL) << 10)
#define EARLY_PXN (_AC(1, UL) << 53)
#define EARLY_UXN (_AC(1, UL) << 54)

/* Normal memory the kernel may execute (the image, the identity map). */
#define EARLY_BLOCK_NORMAL_EXEC \
	(EARLY_BLOCK | EARLY_ATTR_NORMAL | EARLY_SH_INNER | EARLY_AF | EARLY_UXN)
/* Normal memory, never executed (the early direct map). */
#define EARLY_BLOCK_NORMAL (EARLY_BLOCK_NORMAL_EXEC | EARLY_PXN)
/* Device registers (the identity-mapped gigabytes without the kernel). */
#define EARLY_BLOCK_DEVICE \
	(EARLY_BLOCK | EARLY_ATTR_DEVICE | EARLY_AF | EARLY_PXN | EARLY_UXN)

/* Shifts of the table levels (also in <mm/arch.h>, which is C only). */
#define EARLY_PGDIR_SHIFT 39
#define EARLY_PUD_SHIFT 30
#define EARLY_PMD_SHIFT 21
#define EARLY_PTRS_PER_TABLE 512
#define EARLY_IDMAP_GIBS 4	/* TTBR0 identity-maps physical [0, 4 GiB) */

#endif
