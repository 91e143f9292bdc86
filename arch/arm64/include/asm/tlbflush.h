/*
 * Operands of the TLBI instructions (tlb.c, mmu.c) and the ASID user
 * address spaces run with (see mmu.c for the scheme).
 *
 *   63      48 47 44 43                                   0
 *  +----------+-----+--------------------------------------+
 *  |   ASID   | TTL |            VA[55:12]                 |
 *  +----------+-----+--------------------------------------+
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <kernel/compiler.h>

#define USER_ASID 1UL			/* every user mm; kernel entries are global */
#define TLBI_ASID(asid) ((u64)(asid) << 48)
#define TLBI_VADDR(va) (((u64)(va) >> 12) & GENMASK_ULL(43, 0))

#endif
