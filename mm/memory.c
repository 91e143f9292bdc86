/*
 * User pages: the page fault (demand-zero anonymous memory), zapping pages
 * on munmap and exit, and copying them for fork.
 *
 * Every mapped user page holds one reference to its folio, taken when its
 * PTE is set (set_pte_range) and dropped when the PTE is cleared (zap),
 * after the TLB flush. mm->nr_anon_pages counts the anonymous pages the mm
 * maps; nr_anon_pages_total sums them over all mms.
 *
 * The functions that map, unmap or copy take a folio, its first page and a
 * number of pages, as Linux's do: today every folio is order 0 and nr is 1;
 * large anonymous folios, the zero page, rmap and COW (later issues) extend
 * them without changing their shape.
 *
 * Locking: mmap_lock (read for a fault, write for munmap/exit/fork), then
 * mm->page_table_lock around every PTE change. Folios are allocated before
 * page_table_lock is taken, and the PTE is re-checked under it.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>

#include "internal.h"

unsigned long nr_anon_pages_total;

/*
 * Map nr pages of folio, starting at page, at addr (ptep: its PTE, empty,
 * and the nr - 1 after it in the same table) with vma's protection. The
 * caller has taken nr references for the mapping. page_table_lock held.
 */
static void set_pte_range(struct vm_area_struct *vma, struct folio *folio, struct page *page,
			  unsigned int nr, unsigned long addr, pte_t *ptep)
{
	struct mm_struct *mm = vma->vm_mm;

	(void)folio;	/* anon rmap: folio_add_new_anon_rmap() goes here */
	set_ptes(mm, addr, ptep, pfn_pte(page_to_pfn(page), vm_get_page_prot(vma->vm_flags)), nr);
	add_anon_pages(mm, nr);
}

int vm_insert_folio(struct vm_area_struct *vma, unsigned long addr, struct folio *folio)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *ptep;
	int ret = 0;

	if (offset_in_page(addr) || addr < vma->vm_start || addr >= vma->vm_end)
		return -EINVAL;
	spin_lock(&mm->page_table_lock);
	ptep = pte_alloc_walk(mm, addr);
	if (!ptep)
		ret = -ENOMEM;
	else if (!pte_none(ptep_get(ptep)))
		ret = -EEXIST;
	else
		set_pte_range(vma, folio, folio_page(folio, 0), 1, addr, ptep);
	spin_unlock(&mm->page_table_lock);
	return ret;
}

/*
 * Is the access described by flags allowed in vma? As Linux on x86 (and
 * arm64 without EPAN): a write needs VM_WRITE, an instruction fetch
 * VM_EXEC, a read any access at all (page tables cannot express
 * write-only or execute-only).
 */
static bool access_permitted(const struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_EXEC)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/*
 * Fault on an empty PTE of an anonymous VMA: map a zeroed page. Another
 * thread may have mapped it meanwhile; then drop ours. mmap_lock held
 * (read). Returns 0 or -ENOMEM.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct folio *folio = folio_alloc(0, __GFP_ZERO);
	pte_t *ptep;
	int ret = 0;

	if (!folio)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	ptep = pte_alloc_walk(mm, addr);
	if (!ptep) {
		ret = -ENOMEM;
	} else if (pte_none(ptep_get(ptep))) {
		set_pte_range(vma, folio, folio_page(folio, 0), 1, addr, ptep);
		folio = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (folio)
		folio_put(folio);
	return ret;
}

int handle_user_fault(unsigned long addr, unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret;

	if (!mm)
		return -EFAULT;
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || !access_permitted(vma, flags))
		ret = -EFAULT;
	else if (flags & FAULT_FLAG_PRESENT)
		ret = 0;	/* spurious: every PTE has its VMA's rights (no COW yet) */
	else
		ret = do_anonymous_page(vma, addr & PAGE_MASK);
	up_read(&mm->mmap_lock);
	return ret;
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = ~0UL;
	tlb->end = 0;
	tlb->nr = 0;
}

/* Flush the gathered range, then drop the gathered references. */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	unsigned int i, r;

	if (tlb->start < tlb->end)
		flush_tlb_range(tlb->mm, tlb->start, tlb->end);
	for (i = 0; i < tlb->nr; i++)
		for (r = 0; r < tlb->pending[i].nr_refs; r++)
			folio_put(tlb->pending[i].folio);
	tlb_gather_mmu(tlb, tlb->mm);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}

/* nr pages of folio, mapped at addr, were unmapped: free them after the flush. */
static void tlb_remove_folio_pages(struct mmu_gather *tlb, struct folio *folio,
				   unsigned int nr, unsigned long addr)
{
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
	tlb->pending[tlb->nr].folio = folio;
	tlb->pending[tlb->nr].nr_refs = nr;
	tlb->nr++;
	tlb->start = MIN(tlb->start, addr);
	tlb->end = MAX(tlb->end, addr + nr * PAGE_SIZE);
}

struct zap_details {
	struct mmu_gather *tlb;
	struct vm_area_struct *vma;
};

/* pgtable_walk_range() callback: clear one PTE, gather its page. */
static int zap_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct zap_details *z = arg;
	struct mm_struct *mm = z->vma->vm_mm;
	pte_t pte = ptep_get(ptep);
	struct page *page;

	pte_clear(mm, addr, ptep);
	if (!pte_present(pte) || WARN_ON(!pfn_valid(pte_pfn(pte))))
		return 0;
	page = pfn_to_page(pte_pfn(pte));
	/* anon rmap: folio_remove_rmap_ptes(folio, page, 1, vma) goes here */
	add_anon_pages(mm, -1);
	tlb_remove_folio_pages(z->tlb, page_folio(page), 1, addr);
	return 0;
}

/* Clear the PTEs of vma in [start, end) into tlb. page_table_lock held. */
static void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long start, unsigned long end)
{
	struct zap_details z = { tlb, vma };

	pgtable_walk_range(vma->vm_mm, start, end, zap_pte, &z);
}

void unmap_region(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	spin_lock(&mm->page_table_lock);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma))
		unmap_page_range(&tlb, vma, MAX(start, vma->vm_start), MIN(end, vma->vm_end));
	/* Every PTE in the range is empty now: free the tables left empty. */
	WARN_ON(pgtable_unmap_range(mm, start, end - start));
	spin_unlock(&mm->page_table_lock);
	tlb_finish_mmu(&tlb);
}

struct copy_details {
	struct vm_area_struct *dst_vma, *src_vma;
};

/*
 * Give dst_vma a copy of the nr pages of folio, starting at page, mapped
 * at addr in src_vma. Both page_table_locks held. Returns 0 or -ENOMEM.
 * (COW, issue 5: share the folio and write-protect both PTEs instead.)
 */
static int copy_present_ptes(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			     struct folio *folio, struct page *page, unsigned int nr,
			     unsigned long addr)
{
	struct folio *new;
	pte_t *dst_ptep;
	unsigned int i;

	(void)src_vma;
	(void)folio;
	for (i = 0; i < nr; i++, addr += PAGE_SIZE) {
		new = folio_alloc(0, 0);
		if (!new)
			return -ENOMEM;
		dst_ptep = pte_alloc_walk(dst_vma->vm_mm, addr);
		if (!dst_ptep) {
			folio_put(new);
			return -ENOMEM;
		}
		memcpy(folio_address(new), page_address(page + i), PAGE_SIZE);
		set_pte_range(dst_vma, new, folio_page(new, 0), 1, addr, dst_ptep);
	}
	return 0;
}

/* pgtable_walk_range() callback over the source VMA. */
static int copy_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct copy_details *c = arg;
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte) || WARN_ON(!pfn_valid(pte_pfn(pte))))
		return 0;
	page = pfn_to_page(pte_pfn(pte));
	return copy_present_ptes(c->dst_vma, c->src_vma, page_folio(page), page, 1, addr);
}

int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm, *src_mm = src_vma->vm_mm;
	struct copy_details c = { dst_vma, src_vma };
	int ret;

	/* dst_mm is not visible to anyone yet: its lock nests inside src's. */
	spin_lock(&src_mm->page_table_lock);
	spin_lock(&dst_mm->page_table_lock);
	ret = pgtable_walk_range(src_mm, src_vma->vm_start, src_vma->vm_end, copy_pte, &c);
	spin_unlock(&dst_mm->page_table_lock);
	spin_unlock(&src_mm->page_table_lock);
	return ret;
}
