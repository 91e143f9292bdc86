/*
 * The generic page-table walker (mm/pgtable.c): one implementation over the
 * entry helpers of <mm/arch.h>, for the kernel's own tables and for user
 * address spaces.
 *
 * Page-table locks, as Linux's split page-table locks:
 *   - each PTE table page has its own spinlock, ptl, in its struct page
 *     (pte_lockptr()); it protects the 512 entries of that table. Take it
 *     with pte_offset_map_lock() / pte_alloc_map_lock() / get_locked_pte()
 *     and drop it with pte_unmap_unlock();
 *   - PMD entries (installing or clearing a PTE table, later PMD leaves) are
 *     protected by the pmd lock, pmd_lock(). We use Linux's fallback for it,
 *     mm->page_table_lock, not a split lock in the PMD table's page: no PMD
 *     leaf exists yet to make it contended, and pmd_lockptr() is the only
 *     place to change when one does;
 *   - PGD and PUD entries (populating the upper levels) are protected by
 *     mm->page_table_lock too.
 * Order: mm->page_table_lock (pmd lock) before any PTE lock; two PTE locks
 * nest only in fork (the parent's, then the child's) and mremap (the old
 * table's, then the new one's). Table pages are freed only under mmap_lock
 * held for writing (or on an mm nobody uses), and only after the TLB flush
 * (mm/memory.c, struct mmu_gather), so a walker holding mmap_lock may read
 * upper levels without locks, and a lockless one (GUP-fast, interrupts
 * off) never reads a freed table.
 * Kernel tables (init_mm) are changed under init_mm.page_table_lock alone.
 *
 * TLB: the walker never flushes; whoever unmaps or changes a live mapping
 * flushes afterwards (flush_tlb_kernel_range for kernel addresses).
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <mm/mm_types.h>
#include <mm/page.h>

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va) (((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/* The end of the size-aligned block that contains addr, or end if sooner. */
static inline unsigned long pgtable_block_end(unsigned long addr, unsigned long end,
					      unsigned long size)
{
	unsigned long boundary = (addr + size) & ~(size - 1);

	/* "- 1" keeps this right when boundary wraps to 0 at the top. */
	return boundary - 1 < end - 1 ? boundary : end;
}

/* Linux's name: where the PMD entry covering addr stops covering [addr, end). */
#define pmd_addr_end(addr, end) pgtable_block_end(addr, end, PMD_SIZE)

/*
 * Page-table pages come from here: a zeroed page, or 0 when memory is
 * exhausted. Before the buddy allocator is up they come from memblock.
 * (Host tests provide their own.)
 */
phys_addr_t pgtable_alloc_page(void);
/* Free a table page now. Its ptl must not be held (panics if it is). */
void pgtable_free_page(phys_addr_t pa);

/* --- page-table locks --- */

static inline spinlock_t *ptlock_ptr(struct page *page)
{
	return &page->ptl;
}

/* Make a new table page's lock (pgtable_alloc_page()). */
static inline void ptlock_init(struct page *page)
{
	spin_lock_init_rank(ptlock_ptr(page), "ptl", LOCK_RANK_PTE);
}

/* The lock of the PTE table that the PMD entry pmd points to. */
static inline spinlock_t *pte_lockptr_of(pmd_t pmd)
{
	return ptlock_ptr(pfn_to_page(pmd_table_pa(pmd) >> PAGE_SHIFT));
}

/* The lock of the PTE table *pmd points to (a table entry; stable: the
 * caller holds the pmd lock or mmap_lock). */
static inline spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	(void)mm;
	return pte_lockptr_of(READ_ONCE(*pmd));
}

/* The lock protecting the PMD entry *pmd of mm (see the top of the file). */
static inline spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	(void)pmd;
	return &mm->page_table_lock;
}

/* Take and return the lock protecting *pmd. */
static inline spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);

	spin_lock(ptl);
	return ptl;
}

/* The PTE for addr in the table *pmd points to (a table entry), no lock
 * taken: the caller holds that table's lock or knows it stays. */
static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)__va(pmd_table_pa(READ_ONCE(*pmd))) + pte_index(addr);
}

/*
 * Lock the PTE table *pmd points to and return the PTE for addr in it,
 * with *ptlp set to the lock taken; NULL (nothing locked) when *pmd is not
 * a table. The PMD entry is re-read under the lock, so the table returned
 * is the one *pmd points to while the lock is held. No lock held on entry
 * except, outside it, mm->page_table_lock or another PTE lock (nesting).
 */
pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			   spinlock_t **ptlp);

static inline void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	(void)pte;		/* no highmem: nothing to unmap */
	spin_unlock(ptl);
}

/*
 * Give the empty PMD entry *pmd a PTE table, under the pmd lock (another
 * thread may install one first; then ours is freed). Returns 0, or -ENOMEM
 * (-EEXIST if *pmd is a huge leaf). No page-table lock held.
 */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);

/* Linux's pte_alloc(): nonzero when *pmd has no PTE table and none can be
 * installed. */
static inline int pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	return pmd_none(READ_ONCE(*pmd)) ? __pte_alloc(mm, pmd) : 0;
}

/* pte_alloc() then pte_offset_map_lock(); NULL on failure (nothing held). */
static inline pte_t *pte_alloc_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
					spinlock_t **ptlp)
{
	return pte_alloc(mm, pmd) ? NULL : pte_offset_map_lock(mm, pmd, addr, ptlp);
}

/*
 * The PMD entry for va, allocating the PUD and PMD tables on the way
 * (under mm->page_table_lock, which the caller does not hold). NULL when a
 * table cannot be allocated or a 1 GiB leaf covers va.
 */
pmd_t *pmd_alloc_walk(struct mm_struct *mm, unsigned long va);

/*
 * The PMD entry for va, or NULL when no PMD table covers va. Allocates
 * nothing; mmap_lock held (tables stay).
 */
pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long va);

/*
 * Walk to the PTE for va of a user mm, allocating missing tables, and lock
 * its table: returns the PTE with *ptlp held, or NULL (nothing held) when a
 * table cannot be allocated or a huge leaf covers va. mmap_lock held; no
 * page-table lock held.
 */
pte_t *get_locked_pte(struct mm_struct *mm, unsigned long va, spinlock_t **ptlp);

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

struct mmu_gather;

/*
 * Remove the mappings in [va, va + size). A huge leaf must be covered
 * whole, else -EINVAL and nothing is changed. Unmapped holes are skipped.
 * Table pages that become empty are taken out of the tables and given to
 * tlb (tlb_remove_table(): freed after the TLB flush), or freed at once if
 * tlb is NULL (kernel tables only). The caller holds mm->page_table_lock
 * (the pmd lock) and, for a user mm, mmap_lock for writing (or the mm is
 * unused): nobody holds the PTE locks of these tables. The caller flushes
 * the TLB.
 */
int pgtable_unmap_range(struct mm_struct *mm, unsigned long va, u64 size,
			struct mmu_gather *tlb);

/*
 * Hand the table page at pa, just unlinked from mm's tables and which
 * translated addr, to tlb: it is freed only after the flush (mm/memory.c).
 */
void tlb_remove_table(struct mmu_gather *tlb, phys_addr_t pa, unsigned long addr);

struct pgtable_lookup {
	phys_addr_t pa;		/* physical address of va */
	unsigned long size;	/* leaf size: PAGE_SIZE, PMD_SIZE or PUD_SIZE */
	pte_t leaf;		/* the leaf entry viewed as a pte_t */
};

/* Translate va. Returns false if it is not mapped. */
bool pgtable_lookup(struct mm_struct *mm, unsigned long va, struct pgtable_lookup *out);

/*
 * Call pte_entry(ptep, addr, arg) for every non-empty PTE in [start, end)
 * (page aligned, start < end) of a user mm, lowest address first, with
 * the PTE's table locked (its ptl, see pte_offset_map_lock()). Missing
 * tables are skipped, and so are huge leaves (user memory is PTE-mapped
 * until the THP issue). pte_entry may change or clear the entry; it must
 * not take mm->page_table_lock or allocate tables; tables are neither
 * allocated nor freed. Stops at the first non-zero return of pte_entry
 * and returns it; else 0. mmap_lock held; no page-table lock held.
 */
int pgtable_walk_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		       int (*pte_entry)(pte_t *ptep, unsigned long addr, void *arg),
		       void *arg);

/*
 * Map size bytes of device registers at pa into the ioremap window,
 * uncached. Returns the virtual address (pa's page offset preserved) or
 * NULL. Callable once the buddy allocator is up.
 */
void *ioremap(phys_addr_t pa, u64 size);

#endif
