/*
 * User pages: the page fault (demand zero, the shared zero page, COW and
 * unshare), zapping pages on munmap and exit, and sharing them for fork.
 *
 * Every mapped user page other than the zero page holds one reference to
 * its folio and one mapcount (mm/rmap.c), taken when its PTE is set and
 * dropped when the PTE is cleared (zap: the reference only after the TLB
 * flush). mm->nr_anon_pages counts the anonymous pages the mm maps;
 * nr_anon_pages_total sums them over all mms.
 *
 * The zero page: one zeroed page, never freed and never written, mapped
 * read-only by read faults on anonymous memory. It is not a normal page
 * (vm_normal_page() says NULL): no reference, no mapcount, not anon.
 *
 * COW (mm-semantics.md 3): fork shares each anonymous page read-only in
 * both mms and clears its PG_anon_exclusive, unless the page is exclusive
 * and may be pinned: then the child gets a copy at once. A write fault on
 * a read-only anonymous PTE of a writable VMA (do_wp_page) reuses the page
 * if it is exclusive, or if this mapping provably holds its only
 * reference (checked under the folio lock); otherwise it copies. The
 * unshare fault (FAULT_FLAG_UNSHARE, from GUP's read-only pins) does the
 * same but leaves the PTE read-only.
 *
 * The functions that map, unmap or copy take a folio, its first page and
 * a number of pages, as Linux's do: today every folio is order 0 and nr is
 * 1; large anonymous folios extend them without changing their shape.
 *
 * Locking: mmap_lock (read for a fault, write for munmap/exit/fork), then
 * the folio lock (trylock only, under the page-table lock), then the PTE
 * table's own lock (ptl, include/mm/pgtable.h) around every PTE change.
 * Folios are allocated before the PTE lock is taken, and the PTE is
 * re-checked under it. Tables are allocated (under mm->page_table_lock,
 * the pmd lock) before any PTE lock is taken.
 *
 * Freeing page tables (struct mmu_gather): a table page unlinked by munmap
 * or exit may still be walked by another CPU's MMU through a cached upper
 * entry, and read by GUP-fast (mm/gup.c, lockless, interrupts off), until
 * the TLB flush. So it is freed only in tlb_finish_mmu(), after the flush,
 * and, where the flush does not interrupt the CPUs (arm64 broadcast TLBI),
 * after an IPI to every CPU in mm->cpu_mask has been answered: a CPU in
 * GUP-fast answers only once it has left it.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>
#include <mm/rmap.h>
#include <mm/vmstat.h>

#include "internal.h"

unsigned long nr_anon_pages_total;
unsigned long zero_pfn;

void zero_page_init(void)
{
	struct folio *folio = folio_alloc(0, __GFP_ZERO);

	if (!folio)
		panic("zero_page_init: out of memory\n");
	/* Reserved: a folio_put() of it panics instead of freeing it. */
	SetPageFlag(&folio->page, PG_reserved);
	zero_pfn = folio_pfn(folio);
}

static bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

struct page *vm_normal_page(pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (is_zero_pfn(pfn) || WARN_ON(!pfn_valid(pfn)))
		return NULL;
	return pfn_to_page(pfn);
}

/* Protection for a read-only mapping in a VMA with vm_flags (never PROT_NONE
 * when the VMA allows some access: a write-only VMA reads too). */
static pgprot_t vm_get_page_prot_ro(unsigned long vm_flags)
{
	return vm_get_page_prot((vm_flags & ~VM_WRITE) | (vm_flags & VM_WRITE ? VM_READ : 0));
}

/*
 * Map nr pages of a new anonymous folio, starting at its first page, at
 * addr (ptep: its PTE, empty, and the nr - 1 after it in the same table)
 * with vma's protection, exclusive. The caller has taken nr references for
 * the mapping and prepared vma's anon_vma. ptep's PTE lock held.
 */
static void map_new_anon_folio(struct vm_area_struct *vma, struct folio *folio,
			       unsigned int nr, unsigned long addr, pte_t *ptep, pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;

	folio_add_new_anon_rmap(folio, vma, addr);
	set_ptes(mm, addr, ptep, pfn_pte(folio_pfn(folio), prot), nr);
	add_anon_pages(mm, nr);
}

int vm_insert_folio(struct vm_area_struct *vma, unsigned long addr, struct folio *folio)
{
	spinlock_t *ptl;
	pte_t *ptep;
	int ret = 0;

	if (offset_in_page(addr) || addr < vma->vm_start || addr >= vma->vm_end)
		return -EINVAL;
	if (anon_vma_prepare(vma))
		return -ENOMEM;
	ptep = get_locked_pte(vma->vm_mm, addr, &ptl);
	if (!ptep)
		return -ENOMEM;
	if (!pte_none(ptep_get(ptep)))
		ret = -EEXIST;
	else
		map_new_anon_folio(vma, folio, 1, addr, ptep, vm_get_page_prot(vma->vm_flags));
	pte_unmap_unlock(ptep, ptl);
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
 * Fault on an empty PTE of an anonymous VMA: a read maps the zero page
 * read-only, a write (or an unshare: GUP pins only real pages) a zeroed
 * exclusive page. Another thread may have mapped it meanwhile; then drop
 * ours. mmap_lock held (read). Returns 0 or -ENOMEM.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr, unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct folio *folio = NULL;
	spinlock_t *ptl;
	pte_t *ptep;
	int ret = 0;

	if (!(flags & (FAULT_FLAG_WRITE | FAULT_FLAG_UNSHARE))) {
		ptep = get_locked_pte(mm, addr, &ptl);
		if (!ptep)
			return -ENOMEM;
		if (pte_none(ptep_get(ptep))) {
			set_ptes(mm, addr, ptep,
				 pfn_pte(zero_pfn, vm_get_page_prot_ro(vma->vm_flags)), 1);
			count_vm_event(ZERO_PAGE_MAP);
		}
		pte_unmap_unlock(ptep, ptl);
		return 0;
	}
	if (anon_vma_prepare(vma))
		return -ENOMEM;
	folio = folio_alloc(0, __GFP_ZERO);
	if (!folio)
		return -ENOMEM;
	ptep = get_locked_pte(mm, addr, &ptl);
	if (!ptep) {
		ret = -ENOMEM;
	} else {
		if (pte_none(ptep_get(ptep))) {
			map_new_anon_folio(vma, folio, 1, addr, ptep,
					   vm_get_page_prot(vma->vm_flags));
			folio = NULL;
		}
		pte_unmap_unlock(ptep, ptl);
	}
	if (folio)
		folio_put(folio);
	return ret;
}

/*
 * Can the write fault reuse folio (mapped by pte at page) without a copy?
 * Yes if the page is exclusive; or if this PTE holds the folio's only
 * reference and only mapping (no other mm, no pin, no pending unmap),
 * which is checked under the folio lock so that nothing else (rmap walkers,
 * later swap) decides about the folio at the same time; the page then
 * becomes exclusive and moves to vma's anon_vma. The PTE lock held.
 */
static bool wp_can_reuse_anon_folio(struct folio *folio, struct page *page,
				    struct vm_area_struct *vma)
{
	bool reuse = false;

	if (PageAnonExclusive(page))
		return true;
	if (folio_ref_count(folio) != 1 || !folio_trylock(folio))
		return false;
	if (folio_ref_count(folio) == 1 && folio_mapcount(folio) == 1) {
		folio_move_anon_rmap(folio, vma);
		SetPageAnonExclusive(page);
		reuse = true;
	}
	folio_unlock(folio);
	return reuse;
}

/*
 * Copy the page mapped read-only by orig_pte at addr (the zero page: a
 * zeroed page) into a new exclusive folio and map that instead, writable
 * unless this is an unshare fault. Called with ptep's PTE lock ptl held,
 * and returns with it released. mmap_lock held (read). Returns 0 (also
 * when the PTE changed meanwhile: the access is retried) or -ENOMEM.
 */
static int wp_page_copy(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
			spinlock_t *ptl, pte_t orig_pte, struct page *page, unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct folio *old = page ? page_folio(page) : NULL, *new;
	pgprot_t prot;
	int ret = 0;

	if (old)
		folio_get(old);		/* keeps it while the PTE lock is dropped */
	pte_unmap_unlock(ptep, ptl);

	new = anon_vma_prepare(vma) ? NULL : folio_alloc(0, old ? 0 : __GFP_ZERO);
	if (!new) {
		ret = -ENOMEM;
		goto out;
	}
	/* Nobody writes the page: every mapping of it is read-only. */
	if (old)
		copy_page(folio_address(new), page_address(page));

	ptep = get_locked_pte(mm, addr, &ptl);
	if (!ptep || !pte_same(ptep_get(ptep), orig_pte)) {
		if (ptep)
			pte_unmap_unlock(ptep, ptl);
		folio_put(new);
		goto out;
	}
	/* Break before make: no CPU may use the old page once the new one is in. */
	ptep_get_and_clear(mm, addr, ptep);
	flush_tlb_range(mm, addr, addr + PAGE_SIZE);
	prot = (flags & FAULT_FLAG_UNSHARE) ? vm_get_page_prot_ro(vma->vm_flags) :
					      vm_get_page_prot(vma->vm_flags);
	map_new_anon_folio(vma, new, 1, addr, ptep, prot);
	if (old) {
		folio_remove_rmap_ptes(old, page, 1);
		add_anon_pages(mm, -1);
	}
	pte_unmap_unlock(ptep, ptl);
	count_vm_event((flags & FAULT_FLAG_UNSHARE) ? UNSHARE_FAULT : COW_FAULT);
	if (old)
		folio_put(old);		/* the mapping's reference: flushed above */
out:
	if (old)
		folio_put(old);
	return ret;
}

/*
 * Write (or unshare) fault on the present, read-only PTE orig_pte at addr
 * (ptep) of a VMA that allows the access. ptep's PTE lock ptl held;
 * released on return. Returns 0 or -ENOMEM.
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
		      spinlock_t *ptl, pte_t orig_pte, unsigned int flags)
{
	struct page *page = vm_normal_page(orig_pte);

	if (page && wp_can_reuse_anon_folio(page_folio(page), page, vma)) {
		if (!(flags & FAULT_FLAG_UNSHARE)) {
			/* Adding write permission needs no TLB flush. */
			set_pte(ptep, pte_mkdirty(pte_mkwrite(orig_pte)));
			count_vm_event(COW_REUSE);
		}
		pte_unmap_unlock(ptep, ptl);
		return 0;
	}
	return wp_page_copy(vma, addr, ptep, ptl, orig_pte, page, flags);
}

int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, unsigned int flags)
{
	spinlock_t *ptl;
	pte_t *ptep, pte;

	addr &= PAGE_MASK;
	ptep = get_locked_pte(vma->vm_mm, addr, &ptl);
	if (!ptep)
		return -ENOMEM;
	pte = ptep_get(ptep);
	if (pte_none(pte)) {
		pte_unmap_unlock(ptep, ptl);
		return do_anonymous_page(vma, addr, flags);
	}
	if (pte_protnone(pte)) {
		/* mprotect is changing this range: retry, or fail with the VMA. */
		pte_unmap_unlock(ptep, ptl);
		return 0;
	}
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(pte))
		return do_wp_page(vma, addr, ptep, ptl, pte, flags);
	if (flags & FAULT_FLAG_UNSHARE) {
		struct page *page = vm_normal_page(pte);

		if (!page || !PageAnonExclusive(page))
			return do_wp_page(vma, addr, ptep, ptl, pte, flags);
	}
	/* Spurious (another CPU fixed it first) or already what was asked. */
	pte_unmap_unlock(ptep, ptl);
	return 0;
}

/*
 * Stack growth (the main thread's stack, the one VM_GROWSDOWN VMA that
 * exec makes): a fault below the stack VMA grows it down to the faulting
 * page, as Linux's expand_downwards(), if
 *   - the stack then spans at most RLIMIT_STACK (counted from its top),
 *   - it stays at or above MMAP_MIN_ADDR,
 *   - and at least STACK_GUARD_GAP (Linux's stack_guard_gap, 256 pages)
 *     stays free between it and the next lower VMA, unless that VMA is
 *     inaccessible (PROT_NONE: itself a guard) or another stack.
 * Otherwise the fault fails: SIGSEGV from user mode, -EFAULT from a user
 * copy. Every fault on a user address takes this path, user copies
 * (copy_to_user into a not yet grown stack page works, as in Linux)
 * included. GUP (pin_user_pages) does not grow the stack: it fails with
 * -EFAULT below it, as Linux's GUP does since 6.5.
 */
#define STACK_GUARD_GAP (256UL << PAGE_SHIFT)

/*
 * Grow the stack VMA vma (VM_GROWSDOWN) down to the page holding addr,
 * which lies below it. mmap_lock held for writing: the tree is ordered by
 * vm_start, and no reader sees vm_start change. Takes the anon_vma lock
 * around the change, since rmap_walk() reads vm_start and vm_pgoff under
 * that lock alone. Returns 0 or -EFAULT.
 */
static int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *prev = vma_prev(vma);
	struct anon_vma *av = vma->anon_vma;
	unsigned long start = addr & PAGE_MASK;

	if (vma->vm_end - start > rlimit(RLIMIT_STACK) || start < MMAP_MIN_ADDR)
		return -EFAULT;
	if (prev && (prev->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) &&
	    !(prev->vm_flags & VM_GROWSDOWN) && start - prev->vm_end < STACK_GUARD_GAP)
		return -EFAULT;
	if (av)
		spin_lock(&av->root->lock);
	/* Page indices of the pages already there stay the same. */
	vma->vm_pgoff -= (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	if (av)
		spin_unlock(&av->root->lock);
	return 0;
}

/*
 * The VMA for a fault at addr, growing the stack if addr is below a
 * VM_GROWSDOWN VMA. mmap_lock held for reading on entry and on return;
 * to grow, it drops it and takes it for writing, looks the VMA up again
 * (another thread may have grown or unmapped it meanwhile), grows it,
 * and goes back to reading, with a last look-up. Returns the VMA holding
 * addr, or NULL (none, or the stack may not grow there).
 */
static struct vm_area_struct *fault_find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	int err = 0;

	if (!vma || vma->vm_start <= addr)
		return vma;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return NULL;
	up_read(&mm->mmap_lock);
	down_write(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start > addr && (vma->vm_flags & VM_GROWSDOWN))
		err = expand_stack(vma, addr);
	up_write(&mm->mmap_lock);
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	return !err && vma && vma->vm_start <= addr ? vma : NULL;
}

int handle_user_fault(unsigned long addr, unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret;

	if (!mm)
		return -EFAULT;
	count_vm_event(PGFAULT);
	down_read(&mm->mmap_lock);
	vma = fault_find_vma(mm, addr);
	if (!vma || !access_permitted(vma, flags))
		ret = -EFAULT;
	else
		ret = handle_mm_fault(vma, addr, flags);
	up_read(&mm->mmap_lock);
	return ret;
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = ~0UL;
	tlb->end = 0;
	tlb->nr = 0;
	tlb->nr_tables = 0;
}

static void tlb_remove_table_smp_sync(void *arg)
{
	(void)arg;		/* the answer is the point (see below) */
}

/*
 * Wait until every CPU that may be walking mm's tables without locks
 * (GUP-fast, interrupts off) has left that walk: each answers the IPI only
 * with interrupts on. Linux's tlb_remove_table_sync_one(). Interrupts on.
 */
static void tlb_remove_table_sync_one(struct mm_struct *mm)
{
	smp_call_function_many(__atomic_load_n(&mm->cpu_mask, __ATOMIC_ACQUIRE),
			       tlb_remove_table_smp_sync, NULL, true);
}

/*
 * Flush the gathered range, then free the gathered table pages and drop
 * the gathered references. Interrupts on.
 */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	unsigned int i, r;

	if (tlb->start < tlb->end)
		flush_tlb_range(tlb->mm, tlb->start, tlb->end);
	if (tlb->nr_tables && !arch_tlb_flush_waits_for_cpus())
		tlb_remove_table_sync_one(tlb->mm);
	for (i = 0; i < tlb->nr_tables; i++)
		pgtable_free_page(tlb->tables[i]);
	for (i = 0; i < tlb->nr; i++)
		for (r = 0; r < tlb->pending[i].nr_refs; r++)
			folio_put(tlb->pending[i].folio);
	tlb_gather_mmu(tlb, tlb->mm);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}

void tlb_remove_table(struct mmu_gather *tlb, phys_addr_t pa, unsigned long addr)
{
	if (tlb->nr_tables == MMU_GATHER_TABLES)
		tlb_flush_mmu(tlb);
	tlb->tables[tlb->nr_tables++] = pa;
	/*
	 * Flushing one address the table translated drops the cached upper
	 * entries that point to it (x86 invlpg: all paging-structure caches;
	 * arm64 tlbi vae1is: the walk at every level), and makes sure there is
	 * a flush even when no page was mapped in the table.
	 */
	tlb_add_range(tlb, addr, addr + PAGE_SIZE);
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
	tlb_add_range(tlb, addr, addr + nr * PAGE_SIZE);
}

void tlb_add_range(struct mmu_gather *tlb, unsigned long start, unsigned long end)
{
	tlb->start = MIN(tlb->start, start);
	tlb->end = MAX(tlb->end, end);
}

/* pgtable_walk_range() callback: clear one PTE, gather its page. */
static int zap_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct mmu_gather *tlb = arg;
	struct mm_struct *mm = tlb->mm;
	pte_t pte = ptep_get_and_clear(mm, addr, ptep);
	struct page *page;
	struct folio *folio;

	if (!pte_present(pte))
		return 0;
	page = vm_normal_page(pte);
	if (!page) {			/* the zero page */
		tlb_add_range(tlb, addr, addr + PAGE_SIZE);
		return 0;
	}
	folio = page_folio(page);
	folio_remove_rmap_ptes(folio, page, 1);
	add_anon_pages(mm, -1);
	tlb_remove_folio_pages(tlb, folio, 1, addr);
	return 0;
}

void zap_page_range(struct mmu_gather *tlb, unsigned long start, unsigned long end)
{
	pgtable_walk_range(tlb->mm, start, end, zap_pte, tlb);
}

void free_pgtables(struct mmu_gather *tlb, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = tlb->mm;

	spin_lock(&mm->page_table_lock);
	WARN_ON(pgtable_unmap_range(mm, start, end - start, tlb));
	spin_unlock(&mm->page_table_lock);
}

void unmap_region(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	zap_page_range(&tlb, start, end);
	/* Every PTE in the range is empty now: unlink the tables left empty. */
	free_pgtables(&tlb, start, end);
	tlb_finish_mmu(&tlb);
}

/*
 * The child gets its own copy of the nr pages from page (a pinned
 * exclusive page may not be shared), mapped like its VMA says.
 * Both PTE locks held. Returns 0 or -ENOMEM.
 */
static int copy_present_page(struct vm_area_struct *dst_vma, struct page *page,
			     unsigned long addr, pte_t *dst_ptep)
{
	struct folio *new = folio_alloc(0, 0);

	if (!new)
		return -ENOMEM;
	copy_page(folio_address(new), page_address(page));
	map_new_anon_folio(dst_vma, new, 1, addr, dst_ptep, vm_get_page_prot(dst_vma->vm_flags));
	return 0;
}

/*
 * fork: map the nr pages of folio from page, mapped by pte at addr (and
 * src_ptep) in src_vma, into dst_vma too: shared read-only in both, the
 * exclusive bits cleared (folio_try_dup_anon_rmap_ptes), or copied if one
 * may be pinned. Both PTE locks held. Returns 0 or -ENOMEM.
 */
static int copy_present_ptes(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			     pte_t *dst_ptep, pte_t *src_ptep, pte_t pte, struct folio *folio,
			     struct page *page, unsigned int nr, unsigned long addr)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	unsigned int i;

	if (folio_try_dup_anon_rmap_ptes(folio, page, nr))
		return copy_present_page(dst_vma, page, addr, dst_ptep);
	for (i = 0; i < nr; i++)
		folio_get(folio);
	if (pte_write(pte)) {
		for (i = 0; i < nr; i++)
			ptep_set_wrprotect(src_mm, addr + i * PAGE_SIZE, src_ptep + i);
		pte = pte_wrprotect(pte);
	}
	set_ptes(dst_vma->vm_mm, addr, dst_ptep, pte, nr);
	add_anon_pages(dst_vma->vm_mm, nr);
	return 0;
}

/*
 * fork: copy the PTEs of [addr, end) (inside one PMD entry) from the table
 * of src_pmd to that of dst_pmd, which exists. Takes the parent's PTE
 * lock, then the child's nested inside it (the child is not visible to
 * anyone yet). Returns 0 or -ENOMEM.
 */
static int copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	pte_t *src_ptep, *dst_ptep, pte;
	spinlock_t *src_ptl, *dst_ptl;
	struct page *page;
	int ret = 0;

	src_ptep = pte_offset_map_lock(src_vma->vm_mm, src_pmd, addr, &src_ptl);
	if (!src_ptep)
		return 0;
	dst_ptep = pte_offset_map_lock(dst_mm, dst_pmd, addr, &dst_ptl);
	if (!dst_ptep) {
		pte_unmap_unlock(src_ptep, src_ptl);
		return -ENOMEM;
	}
	for (; addr != end && !ret; addr += PAGE_SIZE, src_ptep++, dst_ptep++) {
		pte = ptep_get(src_ptep);
		if (!pte_present(pte))
			continue;
		page = vm_normal_page(pte);
		if (!page) {		/* the zero page: nothing to count */
			set_ptes(dst_mm, addr, dst_ptep, pte, 1);
			continue;
		}
		ret = copy_present_ptes(dst_vma, src_vma, dst_ptep, src_ptep, pte,
					page_folio(page), page, 1, addr);
	}
	pte_unmap_unlock(dst_ptep, dst_ptl);
	pte_unmap_unlock(src_ptep, src_ptl);
	return ret;
}

int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm, *src_mm = src_vma->vm_mm;
	unsigned long addr, next, end = src_vma->vm_end;
	pmd_t *src_pmd, *dst_pmd;
	int ret;

	for (addr = src_vma->vm_start; addr != end; addr = next) {
		next = pmd_addr_end(addr, end);
		src_pmd = mm_find_pmd(src_mm, addr);
		if (!src_pmd || !pmd_table(READ_ONCE(*src_pmd)))
			continue;
		/* The child's tables first: no PTE lock may be held then. */
		dst_pmd = pmd_alloc_walk(dst_mm, addr);
		if (!dst_pmd || pte_alloc(dst_mm, dst_pmd))
			return -ENOMEM;
		ret = copy_pte_range(dst_vma, src_vma, dst_pmd, src_pmd, addr, next);
		if (ret)
			return ret;
	}
	return 0;
}
