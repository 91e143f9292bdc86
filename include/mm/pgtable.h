/*
 * The generic page-table walker (mm/pgtable.c): one implementation over the
 * entry helpers of <mm/arch.h>, used for the kernel's own tables now and for
 * user address spaces later.
 *
 * Locking: the caller holds mm->page_table_lock while changing an address
 * space's tables (per-table locks come with user address spaces). Lookups
 * may run concurrently with changes; they read each entry once.
 * TLB: the walker never flushes; whoever unmaps or changes a live mapping
 * flushes afterwards (flush_tlb_kernel_range for kernel addresses).
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <mm/mm_types.h>

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va) (((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/*
 * Page-table pages come from here: a zeroed page, or 0 when memory is
 * exhausted. Before the buddy allocator is up they come from memblock.
 * (Host tests provide their own.)
 */
phys_addr_t pgtable_alloc_page(void);
void pgtable_free_page(phys_addr_t pa);

/* Flags for pgtable_map_range(). */
#define PGT_HUGE 0x1	/* use 1 GiB / 2 MiB leaves where alignment allows */

/*
 * Map [va, va + size) to [pa, pa + size) with prot. va, pa and size must be
 * page aligned and size non-zero. Returns 0; -EINVAL on misalignment or a
 * range that wraps; -ENOMEM when a table page cannot be allocated; -EEXIST
 * when a page in the range is already mapped. On error the part mapped
 * before it stays mapped (the caller unmaps it if it cares).
 */
int pgtable_map_range(struct mm_struct *mm, unsigned long va, phys_addr_t pa,
		      u64 size, pgprot_t prot, unsigned int flags);

/*
 * Remove the mappings in [va, va + size). A huge leaf must be covered
 * whole, else -EINVAL and nothing is changed. Unmapped holes are skipped.
 * Table pages that become empty are freed. The caller flushes the TLB.
 */
int pgtable_unmap_range(struct mm_struct *mm, unsigned long va, u64 size);

struct pgtable_lookup {
	phys_addr_t pa;		/* physical address of va */
	unsigned long size;	/* leaf size: PAGE_SIZE, PMD_SIZE or PUD_SIZE */
	pte_t leaf;		/* the leaf entry viewed as a pte_t */
};

/* Translate va. Returns false if it is not mapped. */
bool pgtable_lookup(struct mm_struct *mm, unsigned long va, struct pgtable_lookup *out);

/*
 * Call pte_entry(ptep, addr, arg) for every non-empty PTE in [start, end)
 * (page aligned, start < end), lowest address first. Missing tables are
 * skipped, and so are huge leaves (user memory is PTE-mapped until the THP
 * issue). pte_entry may change or clear the entry; tables are neither
 * allocated nor freed. Stops at the first non-zero return of pte_entry and
 * returns it; else 0. The caller holds mm->page_table_lock if entries change.
 */
int pgtable_walk_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		       int (*pte_entry)(pte_t *ptep, unsigned long addr, void *arg),
		       void *arg);

/*
 * Walk to the PTE slot for va, allocating missing tables on the way.
 * Returns NULL when a table cannot be allocated or a huge leaf covers va.
 */
pte_t *pte_alloc_walk(struct mm_struct *mm, unsigned long va);

/*
 * Map size bytes of device registers at pa into the ioremap window,
 * uncached. Returns the virtual address (pa's page offset preserved) or
 * NULL. Callable once the buddy allocator is up.
 */
void *ioremap(phys_addr_t pa, u64 size);

#endif
