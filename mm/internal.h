/*
 * What mm/mmap.c and mm/memory.c share and nobody else uses: the anon page
 * counters, the mmu_gather that frees unmapped pages only after the TLB
 * flush, and the page-level halves of munmap, exit and fork.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <mm/page.h>

#include "vma.h"

/* Anonymous pages mapped by all address spaces (/proc/meminfo AnonPages). */
extern unsigned long nr_anon_pages_total;

/* Account nr pages mapped (+) or unmapped (-) in mm. The PTE lock held. */
static inline void add_anon_pages(struct mm_struct *mm, long nr)
{
	mm->nr_anon_pages += nr;
	__atomic_fetch_add(&nr_anon_pages_total, nr, __ATOMIC_RELAXED);
}

/*
 * Pages and page-table pages unmapped but not yet freed: another CPU may
 * still reach them through a stale TLB entry (or, for a table, GUP-fast)
 * until the flush, so they are freed only after flush_tlb_range()
 * (mm-semantics.md 6; the table rule is in mm/memory.c). Linux's struct
 * mmu_gather.
 */
#define MMU_GATHER_BATCH 32
#define MMU_GATHER_TABLES 16

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end;	/* range to flush; start >= end: none */
	unsigned int nr;
	struct {
		struct folio *folio;
		unsigned int nr_refs;	/* references to drop (pages unmapped) */
	} pending[MMU_GATHER_BATCH];
	unsigned int nr_tables;
	phys_addr_t tables[MMU_GATHER_TABLES];	/* unlinked table pages */
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* Widen the range tlb will flush (a PTE changed, no page to free). */
void tlb_add_range(struct mmu_gather *tlb, unsigned long start, unsigned long end);
/*
 * Flush what was gathered, then free the table pages and put the pages.
 * Interrupts on (the flush may need other CPUs' answers); spinlocks may be
 * held. tlb_remove_table() (include/mm/pgtable.h) gathers a table page.
 */
void tlb_finish_mmu(struct mmu_gather *tlb);

/*
 * Unmap every page in [start, end) of mm's VMAs, flush the TLB, then free
 * the page tables that became empty and the pages. The VMAs themselves are
 * left alone. mmap_lock held for writing (or mm unused, at exit); no
 * page-table lock held (takes them).
 */
void unmap_region(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * Clear every PTE of tlb->mm in [start, end) into tlb (pages are put after
 * the flush; page tables stay). mmap_lock held; takes each table's PTE
 * lock. (MADV_DONTNEED)
 */
void zap_page_range(struct mmu_gather *tlb, unsigned long start, unsigned long end);

/*
 * Unlink the page tables of tlb->mm in [start, end) that are empty (after
 * zap_page_range()) into tlb, which frees them after its flush. mmap_lock
 * held for writing (or mm unused); takes mm->page_table_lock.
 */
void free_pgtables(struct mmu_gather *tlb, unsigned long start, unsigned long end);

/* Every user mm (mm->mmlist), under mm_list_lock (a mutex taken outside
 * any mmap_lock). */
extern struct list_head mm_list;
extern struct mutex mm_list_lock;

/* Allocate the zero page (mm_init, once kmalloc works). */
void zero_page_init(void);

/*
 * Remove [start, start + len) (page aligned) from mm: split the VMAs at the
 * edges, free the pages and tables, drop the VMAs inside. mmap_lock held
 * for writing. Returns 0 (also when nothing was mapped) or -ENOMEM.
 * (mm/mmap.c)
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * fork: give dst_vma (a copy of src_vma in a new, unshared mm) its own copy
 * of every page src_vma maps. Both mmap_locks held for writing. Returns 0
 * or -ENOMEM (what was copied stays mapped; mmput() frees it).
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);

#endif
