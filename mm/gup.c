/*
 * Pinning user pages (include/mm/gup.h): the slow path under mmap_lock
 * that faults pages in and unshares them, the lockless fast path, unpin.
 *
 * What may be pinned: only present anonymous pages that are exclusive
 * (PG_anon_exclusive), mapped writable when the pin is FOLL_WRITE. The
 * slow path makes a page so by faulting: FAULT_FLAG_WRITE for a write pin
 * (COW if shared), FAULT_FLAG_UNSHARE for a read-only pin of a shared
 * page or the zero page (copy or take over, the PTE stays read-only).
 * Because the exclusive bit of a pinned page is never cleared (fork copies
 * it instead, mm/memory.c), the pinned page stays the one the process
 * maps, whatever either process writes later.
 *
 * The fast path races with fork without locks: it reads
 * mm->write_protect_seq (odd: fork is write-protecting, give up), takes
 * the pin, re-reads the PTE (changed: give up), then re-checks the
 * sequence after a full barrier; fork bumps the sequence and issues a
 * barrier before it looks for pins (folio_try_dup_anon_rmap_ptes). One of
 * the two always sees the other.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <mm/gup.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>

#include "internal.h"

/* Take a pin on page's folio: a reference and a pin count. */
static void folio_pin(struct folio *folio)
{
	folio_get(folio);
	__atomic_fetch_add(&folio->page._pincount, 1, __ATOMIC_ACQ_REL);
}

void unpin_user_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	if (WARN_ON(folio_pincount(folio) <= 0))
		return;
	__atomic_fetch_sub(&folio->page._pincount, 1, __ATOMIC_ACQ_REL);
	folio_put(folio);
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	unsigned long i;

	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
}

/* Does pte allow a pin with gup_flags as it stands? */
static struct page *pinnable_page(pte_t pte, unsigned int gup_flags)
{
	struct page *page;

	if (!pte_present(pte) || pte_protnone(pte))
		return NULL;
	if ((gup_flags & FOLL_WRITE) && !pte_write(pte))
		return NULL;
	page = vm_normal_page(pte);
	if (!page || !folio_test_anon(page_folio(page)) || !PageAnonExclusive(page))
		return NULL;
	return page;
}

/*
 * Pin the page at addr of vma, faulting until it is pinnable. mmap_lock
 * held for reading. Returns 0 or -ENOMEM / -EFAULT.
 */
static int pin_one_page(struct vm_area_struct *vma, unsigned long addr, unsigned int gup_flags,
			struct page **pagep)
{
	struct page *page;
	spinlock_t *ptl;
	pte_t *ptep;
	int err;

	for (;;) {
		ptep = get_locked_pte(vma->vm_mm, addr, &ptl);
		if (!ptep)
			return -ENOMEM;
		page = pinnable_page(ptep_get(ptep), gup_flags);
		if (page)
			folio_pin(page_folio(page));
		pte_unmap_unlock(ptep, ptl);
		if (page) {
			*pagep = page;
			return 0;
		}
		err = handle_mm_fault(vma, addr,
				      (gup_flags & FOLL_WRITE) ? FAULT_FLAG_WRITE : FAULT_FLAG_UNSHARE);
		if (err)
			return err;
	}
}

/* May a pin with gup_flags be taken in vma? */
static bool vma_pin_permitted(const struct vm_area_struct *vma, unsigned int gup_flags)
{
	if (gup_flags & FOLL_WRITE)
		return vma->vm_flags & VM_WRITE;
	return vma->vm_flags & VM_READ;
}

long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = NULL;
	unsigned long i;
	long ret = 0;

	if (offset_in_page(start) || (gup_flags & ~(FOLL_WRITE | FOLL_LONGTERM)))
		return -EINVAL;
	if (!mm || !nr_pages)
		return mm ? 0 : -EFAULT;
	if (start >= TASK_SIZE || nr_pages > (TASK_SIZE - start) >> PAGE_SHIFT)
		return -EFAULT;
	down_read(&mm->mmap_lock);
	for (i = 0; i < nr_pages; i++) {
		unsigned long addr = start + (i << PAGE_SHIFT);

		if (!vma || addr >= vma->vm_end)
			vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr || !vma_pin_permitted(vma, gup_flags)) {
			ret = -EFAULT;
			break;
		}
		ret = pin_one_page(vma, addr, gup_flags, &pages[i]);
		if (ret)
			break;
	}
	up_read(&mm->mmap_lock);
	return i ? (long)i : ret;
}

/*
 * The PTE for addr read locklessly, level by level with READ_ONCE, or
 * NULL if a table is missing (or a huge leaf is in the way). Interrupts
 * off: a table page unlinked meanwhile is freed only after the TLB flush
 * and, where that flush interrupts no CPU (arm64), an IPI to every CPU of
 * mm->cpu_mask, and this CPU answers neither until it is done with the
 * table (mm/memory.c, the mmu_gather).
 */
static pte_t *gup_fast_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t pgd = READ_ONCE(mm->pgd[pgd_index(addr)]);
	pud_t pud;
	pmd_t pmd;

	if (!pgd_table(pgd))
		return NULL;
	pud = READ_ONCE(((pud_t *)__va(pgd_table_pa(pgd)))[pud_index(addr)]);
	if (!pud_table(pud))
		return NULL;
	pmd = READ_ONCE(((pmd_t *)__va(pud_table_pa(pud)))[pmd_index(addr)]);
	if (!pmd_table(pmd))
		return NULL;
	return (pte_t *)__va(pmd_table_pa(pmd)) + pte_index(addr);
}

/* Pin one page locklessly if it is pinnable as it stands; true on success. */
static bool gup_fast_one(struct mm_struct *mm, unsigned long addr, unsigned int gup_flags,
			 unsigned int seq, struct page **pagep)
{
	pte_t *ptep = gup_fast_pte(mm, addr), pte;
	struct folio *folio;
	struct page *page;

	if (!ptep)
		return false;
	pte = ptep_get(ptep);
	page = pinnable_page(pte, gup_flags);
	if (!page)
		return false;
	folio = page_folio(page);
	if (!folio_try_get(folio))
		return false;
	__atomic_fetch_add(&folio->page._pincount, 1, __ATOMIC_SEQ_CST);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	/* The PTE, the exclusive bit and fork's sequence must all still hold. */
	if (pte_val(ptep_get(ptep)) != pte_val(pte) || !PageAnonExclusive(page) ||
	    READ_ONCE(mm->write_protect_seq) != seq) {
		unpin_user_page(page);
		return false;
	}
	*pagep = page;
	return true;
}

long pin_user_pages_fast(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
			 struct page **pages)
{
	struct mm_struct *mm = current->mm;
	unsigned long i = 0, flags;
	unsigned int seq;
	long ret;

	if (offset_in_page(start) || (gup_flags & ~(FOLL_WRITE | FOLL_LONGTERM)))
		return -EINVAL;
	if (!mm || start >= TASK_SIZE || nr_pages > (TASK_SIZE - start) >> PAGE_SHIFT)
		return -EFAULT;
	seq = __atomic_load_n(&mm->write_protect_seq, __ATOMIC_ACQUIRE);
	if (!(seq & 1)) {
		/* On both architectures: holds off the freeing of tables we read. */
		flags = arch_irq_save();
		for (; i < nr_pages; i++)
			if (!gup_fast_one(mm, start + (i << PAGE_SHIFT), gup_flags, seq, &pages[i]))
				break;
		arch_irq_restore(flags);
	}
	if (i == nr_pages)
		return (long)i;
	ret = pin_user_pages(start + (i << PAGE_SHIFT), nr_pages - i, gup_flags, pages + i);
	if (ret < 0)
		return i ? (long)i : ret;
	return (long)i + ret;
}
