/*
 * The generic page-table walker: maps, unmaps and looks up translations in
 * the four-level tables of any address space, through the entry helpers of
 * <mm/arch.h> only. It knows nothing of x86 or arm64 bit layouts.
 *
 * Each map/unmap function handles one level and calls the next one down
 * for every table entry its range touches, as Linux's vmap_range() does:
 *
 *   pgtable_map_range -> map_pud_range -> map_pmd_range -> map_pte_range
 *      (PGD entries)      (1 GiB leaf?)    (2 MiB leaf?)    (4 KiB PTEs)
 *
 * Locking (include/mm/pgtable.h): for kernel tables the caller holds
 * init_mm.page_table_lock. For user tables, the functions below that
 * allocate upper levels or PTE tables take mm->page_table_lock (the pmd
 * lock) themselves, and the PTE functions take the PTE table's own lock.
 * The walker never flushes the TLB; callers flush after unmapping or
 * changing a live entry, and free unlinked table pages after that flush.
 */
#include <kernel/errno.h>
#include <mm/pgtable.h>

/*
 * A new table page for an empty entry, zeroed and visible as zeroed before
 * the caller links it in: a lockless walker (GUP-fast, the hardware) that
 * sees the new entry must see the zeroes too (Linux's smp_wmb() before
 * pmd_populate()). 0 when memory is exhausted.
 */
static phys_addr_t table_alloc(void)
{
	phys_addr_t pa = pgtable_alloc_page();

	__atomic_thread_fence(__ATOMIC_RELEASE);
	return pa;
}

/*
 * The next-level table that entry *pgdp points to, allocated if empty.
 * The lock protecting *pgdp held (page_table_lock).
 */
static pud_t *pud_table_alloc(pgd_t *pgdp)
{
	pgd_t pgd = READ_ONCE(*pgdp);
	phys_addr_t pa;

	if (!pgd_none(pgd))
		return __va(pgd_table_pa(pgd));
	pa = table_alloc();
	if (!pa)
		return NULL;
	set_pgd(pgdp, pgd_mktable(pa));
	return __va(pa);
}

static pmd_t *pmd_table_alloc(pud_t *pudp)
{
	pud_t pud = READ_ONCE(*pudp);
	phys_addr_t pa;

	if (!pud_none(pud))
		return __va(pud_table_pa(pud));
	pa = table_alloc();
	if (!pa)
		return NULL;
	set_pud(pudp, pud_mktable(pa));
	return __va(pa);
}

static pte_t *pte_table_alloc(pmd_t *pmdp)
{
	pmd_t pmd = READ_ONCE(*pmdp);
	phys_addr_t pa;

	if (!pmd_none(pmd))
		return __va(pmd_table_pa(pmd));
	pa = table_alloc();
	if (!pa)
		return NULL;
	set_pmd(pmdp, pmd_mktable(pa));
	return __va(pa);
}

static int map_pte_range(struct mm_struct *mm, pmd_t *pmdp, unsigned long va,
			 unsigned long end, phys_addr_t pa, pgprot_t prot)
{
	pte_t *ptep = pte_table_alloc(pmdp);
	unsigned int i, nr = (unsigned int)((end - va) >> PAGE_SHIFT);

	if (!ptep)
		return -ENOMEM;
	ptep += pte_index(va);
	for (i = 0; i < nr; i++)
		if (!pte_none(ptep_get(ptep + i)))
			return -EEXIST;
	set_ptes(mm, va, ptep, pfn_pte(pa >> PAGE_SHIFT, prot), nr);
	return 0;
}

static int map_pmd_range(struct mm_struct *mm, pud_t *pudp, unsigned long va,
			 unsigned long end, phys_addr_t pa, pgprot_t prot,
			 unsigned int flags)
{
	pmd_t *pmdp = pmd_table_alloc(pudp);
	unsigned long next;
	int err;

	if (!pmdp)
		return -ENOMEM;
	pmdp += pmd_index(va);
	do {
		pmd_t pmd = READ_ONCE(*pmdp);

		next = pgtable_block_end(va, end, PMD_SIZE);
		if (pmd_leaf(pmd))
			return -EEXIST;
		if ((flags & PGT_HUGE) && pmd_none(pmd) && next - va == PMD_SIZE &&
		    IS_ALIGNED(pa, PMD_SIZE)) {
			set_pmd(pmdp, pfn_pmd(pa >> PAGE_SHIFT, prot));
		} else {
			err = map_pte_range(mm, pmdp, va, next, pa, prot);
			if (err)
				return err;
		}
		pa += next - va;
	} while (pmdp++, va = next, va != end);
	return 0;
}

static int map_pud_range(struct mm_struct *mm, pgd_t *pgdp, unsigned long va,
			 unsigned long end, phys_addr_t pa, pgprot_t prot,
			 unsigned int flags)
{
	pud_t *pudp = pud_table_alloc(pgdp);
	unsigned long next;
	int err;

	if (!pudp)
		return -ENOMEM;
	pudp += pud_index(va);
	do {
		pud_t pud = READ_ONCE(*pudp);

		next = pgtable_block_end(va, end, PUD_SIZE);
		if (pud_leaf(pud))
			return -EEXIST;
		if ((flags & PGT_HUGE) && pud_none(pud) && next - va == PUD_SIZE &&
		    IS_ALIGNED(pa, PUD_SIZE) && arch_pud_leaf_supported()) {
			set_pud(pudp, pfn_pud(pa >> PAGE_SHIFT, prot));
		} else {
			err = map_pmd_range(mm, pudp, va, next, pa, prot, flags);
			if (err)
				return err;
		}
		pa += next - va;
	} while (pudp++, va = next, va != end);
	return 0;
}

int pgtable_map_range(struct mm_struct *mm, unsigned long va, phys_addr_t pa,
		      u64 size, pgprot_t prot, unsigned int flags)
{
	unsigned long end = va + size, next;
	pgd_t *pgdp;
	int err;

	if (!size || !IS_ALIGNED(va | pa | size, PAGE_SIZE) || end - 1 < va)
		return -EINVAL;
	pgdp = mm->pgd + pgd_index(va);
	do {
		next = pgtable_block_end(va, end, PGDIR_SIZE);
		err = map_pud_range(mm, pgdp, va, next, pa, prot, flags);
		if (err)
			return err;
		pa += next - va;
	} while (pgdp++, va = next, va != end);
	return 0;
}

/* True if all 512 entries of the table at t are zero. */
static bool table_empty(const void *t)
{
	const u64 *e = t;
	int i;

	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (READ_ONCE(e[i]))
			return false;
	return true;
}

/*
 * Check that no huge leaf in [va, end) is only partly covered. Returns
 * -EINVAL if one is, else 0. Changes nothing.
 */
static int check_unmap_range(struct mm_struct *mm, unsigned long va, unsigned long end)
{
	while (va != end) {
		pgd_t pgd = READ_ONCE(mm->pgd[pgd_index(va)]);
		pud_t pud;
		pmd_t pmd;
		unsigned long next;

		if (pgd_none(pgd)) {
			va = pgtable_block_end(va, end, PGDIR_SIZE);
			continue;
		}
		pud = READ_ONCE(((pud_t *)__va(pgd_table_pa(pgd)))[pud_index(va)]);
		next = pgtable_block_end(va, end, PUD_SIZE);
		if (pud_leaf(pud) && (!IS_ALIGNED(va, PUD_SIZE) || next - va != PUD_SIZE))
			return -EINVAL;
		if (!pud_table(pud)) {
			va = next;
			continue;
		}
		pmd = READ_ONCE(((pmd_t *)__va(pud_table_pa(pud)))[pmd_index(va)]);
		next = pgtable_block_end(va, end, PMD_SIZE);
		if (pmd_leaf(pmd) && (!IS_ALIGNED(va, PMD_SIZE) || next - va != PMD_SIZE))
			return -EINVAL;
		va = next;
	}
	return 0;
}

/*
 * The table page at pa, translating addr, was unlinked: free it after the
 * flush through tlb, or now without one (kernel tables).
 */
static void free_table(struct mmu_gather *tlb, phys_addr_t pa, unsigned long addr)
{
	if (tlb)
		tlb_remove_table(tlb, pa, addr);
	else
		pgtable_free_page(pa);
}

static void unmap_pte_range(struct mm_struct *mm, pmd_t *pmdp, unsigned long va,
			    unsigned long end, struct mmu_gather *tlb)
{
	pte_t *table = __va(pmd_table_pa(READ_ONCE(*pmdp)));
	pte_t *ptep = table + pte_index(va);
	unsigned long start = va;

	for (; va != end; va += PAGE_SIZE, ptep++)
		if (!pte_none(ptep_get(ptep)))
			pte_clear(mm, va, ptep);
	if (table_empty(table)) {
		pmd_clear(pmdp);
		free_table(tlb, __pa(table), start);
	}
}

static void unmap_pmd_range(struct mm_struct *mm, pud_t *pudp, unsigned long va,
			    unsigned long end, struct mmu_gather *tlb)
{
	pmd_t *table = __va(pud_table_pa(READ_ONCE(*pudp)));
	pmd_t *pmdp = table + pmd_index(va);
	unsigned long next, start = va;

	do {
		pmd_t pmd = READ_ONCE(*pmdp);

		next = pgtable_block_end(va, end, PMD_SIZE);
		if (pmd_leaf(pmd))
			pmd_clear(pmdp);	/* whole: checked beforehand */
		else if (pmd_table(pmd))
			unmap_pte_range(mm, pmdp, va, next, tlb);
	} while (pmdp++, va = next, va != end);
	if (table_empty(table)) {
		pud_clear(pudp);
		free_table(tlb, __pa(table), start);
	}
}

static void unmap_pud_range(struct mm_struct *mm, pgd_t *pgdp, unsigned long va,
			    unsigned long end, struct mmu_gather *tlb)
{
	pud_t *table = __va(pgd_table_pa(READ_ONCE(*pgdp)));
	pud_t *pudp = table + pud_index(va);
	unsigned long next;

	do {
		pud_t pud = READ_ONCE(*pudp);

		next = pgtable_block_end(va, end, PUD_SIZE);
		if (pud_leaf(pud))
			pud_clear(pudp);
		else if (pud_table(pud))
			unmap_pmd_range(mm, pudp, va, next, tlb);
	} while (pudp++, va = next, va != end);
	/* PGD entries are kept: kernel PGD entries are shared by every mm. */
}

int pgtable_unmap_range(struct mm_struct *mm, unsigned long va, u64 size,
			struct mmu_gather *tlb)
{
	unsigned long end = va + size, next;
	pgd_t *pgdp;

	if (!size || !IS_ALIGNED(va | size, PAGE_SIZE) || end - 1 < va)
		return -EINVAL;
	if (check_unmap_range(mm, va, end))
		return -EINVAL;
	pgdp = mm->pgd + pgd_index(va);
	do {
		next = pgtable_block_end(va, end, PGDIR_SIZE);
		if (pgd_table(READ_ONCE(*pgdp)))
			unmap_pud_range(mm, pgdp, va, next, tlb);
	} while (pgdp++, va = next, va != end);
	return 0;
}

bool pgtable_lookup(struct mm_struct *mm, unsigned long va, struct pgtable_lookup *out)
{
	pgd_t pgd = READ_ONCE(mm->pgd[pgd_index(va)]);
	pud_t pud;
	pmd_t pmd;
	pte_t pte;

	if (!pgd_table(pgd))
		return false;
	pud = READ_ONCE(((pud_t *)__va(pgd_table_pa(pgd)))[pud_index(va)]);
	if (pud_leaf(pud)) {
		out->size = PUD_SIZE;
		out->leaf = pud_pte(pud);
		out->pa = ((phys_addr_t)pud_pfn(pud) << PAGE_SHIFT) + (va & ~PUD_MASK);
		return true;
	}
	if (!pud_table(pud))
		return false;
	pmd = READ_ONCE(((pmd_t *)__va(pud_table_pa(pud)))[pmd_index(va)]);
	if (pmd_leaf(pmd)) {
		out->size = PMD_SIZE;
		out->leaf = pmd_pte(pmd);
		out->pa = ((phys_addr_t)pmd_pfn(pmd) << PAGE_SHIFT) + (va & ~PMD_MASK);
		return true;
	}
	if (!pmd_table(pmd))
		return false;
	pte = ptep_get((pte_t *)__va(pmd_table_pa(pmd)) + pte_index(va));
	if (!pte_present(pte))
		return false;
	out->size = PAGE_SIZE;
	out->leaf = pte;
	out->pa = ((phys_addr_t)pte_pfn(pte) << PAGE_SHIFT) + (va & ~PAGE_MASK);
	return true;
}

int pgtable_walk_range(struct mm_struct *mm, unsigned long va, unsigned long end,
		       int (*pte_entry)(pte_t *ptep, unsigned long addr, void *arg),
		       void *arg)
{
	while (va != end) {
		pgd_t pgd = READ_ONCE(mm->pgd[pgd_index(va)]);
		unsigned long next;
		spinlock_t *ptl;
		pmd_t *pmdp;
		pud_t pud;
		pte_t *ptep;
		int ret;

		if (!pgd_table(pgd)) {
			va = pgtable_block_end(va, end, PGDIR_SIZE);
			continue;
		}
		pud = READ_ONCE(((pud_t *)__va(pgd_table_pa(pgd)))[pud_index(va)]);
		if (!pud_table(pud)) {
			va = pgtable_block_end(va, end, PUD_SIZE);
			continue;
		}
		pmdp = (pmd_t *)__va(pud_table_pa(pud)) + pmd_index(va);
		next = pgtable_block_end(va, end, PMD_SIZE);
		ptep = pte_offset_map_lock(mm, pmdp, va, &ptl);
		if (!ptep) {
			va = next;
			continue;
		}
		for (ret = 0; va != next && !ret; va += PAGE_SIZE, ptep++)
			if (!pte_none(ptep_get(ptep)))
				ret = pte_entry(ptep, va, arg);
		pte_unmap_unlock(ptep, ptl);
		if (ret)
			return ret;
	}
	return 0;
}

pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
			   spinlock_t **ptlp)
{
	spinlock_t *ptl;
	pmd_t pmdval;

	(void)mm;
	for (;;) {
		pmdval = READ_ONCE(*pmd);
		if (!pmd_table(pmdval))
			return NULL;
		ptl = pte_lockptr_of(pmdval);
		spin_lock(ptl);
		/* Still the same table? (It cannot be freed meanwhile: see the
		 * freeing rule in include/mm/pgtable.h.) */
		if (pmd_val(READ_ONCE(*pmd)) == pmd_val(pmdval))
			break;
		spin_unlock(ptl);
	}
	*ptlp = ptl;
	return pte_offset_kernel(pmd, addr);
}

int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	phys_addr_t pa = table_alloc();
	spinlock_t *ptl;
	int ret = 0;

	if (!pa)
		return -ENOMEM;
	ptl = pmd_lock(mm, pmd);
	if (pmd_none(READ_ONCE(*pmd))) {
		set_pmd(pmd, pmd_mktable(pa));
		pa = 0;
	} else if (pmd_leaf(READ_ONCE(*pmd))) {
		ret = -EEXIST;
	}
	spin_unlock(ptl);
	if (pa)
		pgtable_free_page(pa);	/* never visible to anyone */
	return ret;
}

pmd_t *pmd_alloc_walk(struct mm_struct *mm, unsigned long va)
{
	pmd_t *pmdp = NULL;
	pud_t *pudp;

	spin_lock(&mm->page_table_lock);
	pudp = pud_table_alloc(mm->pgd + pgd_index(va));
	if (pudp) {
		pudp += pud_index(va);
		if (!pud_leaf(READ_ONCE(*pudp)))
			pmdp = pmd_table_alloc(pudp);
	}
	spin_unlock(&mm->page_table_lock);
	return pmdp ? pmdp + pmd_index(va) : NULL;
}

pmd_t *mm_find_pmd(struct mm_struct *mm, unsigned long va)
{
	pgd_t pgd = READ_ONCE(mm->pgd[pgd_index(va)]);
	pud_t pud;

	if (!pgd_table(pgd))
		return NULL;
	pud = READ_ONCE(((pud_t *)__va(pgd_table_pa(pgd)))[pud_index(va)]);
	if (!pud_table(pud))
		return NULL;
	return (pmd_t *)__va(pud_table_pa(pud)) + pmd_index(va);
}

pte_t *get_locked_pte(struct mm_struct *mm, unsigned long va, spinlock_t **ptlp)
{
	pmd_t *pmd = pmd_alloc_walk(mm, va);

	return pmd ? pte_alloc_map_lock(mm, pmd, va, ptlp) : NULL;
}
