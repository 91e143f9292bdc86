/*
 * arm64 TLB maintenance for kernel mappings. All kernel mappings are
 * global, so "all ASIDs" forms are used; the "is" (inner shareable) forms
 * reach every CPU. Sequence: dsb ishst (page-table stores visible before
 * the invalidation), tlbi, dsb ish (invalidation finished everywhere), isb
 * (this CPU refetches with the new state).
 */
#include <kernel/compiler.h>
#include <asm/barrier.h>
#include <mm/arch.h>

/* Above this many pages one full flush is cheaper than per-page ones. */
#define TLBI_MAX_PAGES 512

/* TLBI VA operand: VA[55:12] in bits 43:0 (the ASID field is ignored by vaale1). */
#define TLBI_VADDR(va) (((va) >> 12) & GENMASK_ULL(43, 0))

void flush_tlb_all(void)
{
	dsb(ishst);
	__asm__ __volatile__("tlbi vmalle1is" ::: "memory");
	dsb(ish);
	isb();
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long va;

	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if ((end - start) / PAGE_SIZE > TLBI_MAX_PAGES) {
		flush_tlb_all();
		return;
	}
	dsb(ishst);
	for (va = start; va < end; va += PAGE_SIZE)
		__asm__ __volatile__("tlbi vaale1is, %0" ::"r"(TLBI_VADDR(va)) : "memory");
	dsb(ish);
	isb();
}

/* The 4 KiB granule always allows level-1 (1 GiB) blocks. */
bool arch_pud_leaf_supported(void)
{
	return true;
}
