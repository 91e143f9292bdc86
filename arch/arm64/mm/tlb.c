/*
 * arm64 TLB maintenance. Kernel mappings are global, so their flushes use
 * the "all ASIDs" forms; user mappings are non-global with USER_ASID
 * (<asm/tlbflush.h>, mmu.c), so theirs name it. The "is" (inner
 * shareable) forms reach every CPU. Sequence: dsb ishst (page-table
 * stores visible before the invalidation), tlbi, dsb ish (invalidation
 * finished everywhere), isb (this CPU refetches with the new state).
 */
#include <kernel/compiler.h>
#include <asm/barrier.h>
#include <asm/tlbflush.h>
#include <mm/arch.h>

/*
 * Above this many pages one ASID-wide (user) or full (kernel) flush is
 * cheaper than per-page ones. Linux uses 512 on hardware, where a TLBI is
 * a cheap broadcast message; under QEMU (MTTCG) every broadcast TLBI
 * stops all vCPUs until each has flushed, so each instruction counts:
 * with 8, the user tests at -smp 4 run in half the time of 512 (36 s vs
 * 72 s), mostly from exit and munmap batches of 32 pages.
 */
#define TLBI_MAX_PAGES 8

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

/* Every user mm shares USER_ASID: drop all of its entries, on every CPU. */
void flush_tlb_mm(struct mm_struct *mm)
{
	(void)mm;
	dsb(ishst);
	__asm__ __volatile__("tlbi aside1is, %0" ::"r"(TLBI_ASID(USER_ASID)) : "memory");
	dsb(ish);
	isb();
}

/*
 * User entries of [start, end) on every CPU (of any mm, since they share
 * USER_ASID: over-invalidating is harmless). vae1is also drops cached
 * table walks for each address, so freed page tables are covered.
 */
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long va;

	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if ((end - start) / PAGE_SIZE > TLBI_MAX_PAGES) {
		flush_tlb_mm(mm);
		return;
	}
	dsb(ishst);
	for (va = start; va < end; va += PAGE_SIZE)
		__asm__ __volatile__("tlbi vae1is, %0"
				     ::"r"(TLBI_ASID(USER_ASID) | TLBI_VADDR(va)) : "memory");
	dsb(ish);
	isb();
}

/* tlbi ...is is broadcast by the hardware: no other CPU runs any code for it. */
bool arch_tlb_flush_waits_for_cpus(void)
{
	return false;
}

/* The 4 KiB granule always allows level-1 (1 GiB) blocks. */
bool arch_pud_leaf_supported(void)
{
	return true;
}
