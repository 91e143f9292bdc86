/*
 * Self-tests of the page-table locks and of page-table freeing on a user
 * mm built by hand (as mm/mmap_test.c does): each PTE table has its own
 * lock, the one pte_offset_map_lock() takes; and a table page unlinked by
 * an unmap stays allocated until the mmu_gather has flushed the TLB.
 */
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>

#include "internal.h"

#define TEST_VA 0x40000000UL	/* PMD aligned: TEST_VA + PMD_SIZE has another table */

/* An mm with a writable VMA of len bytes at TEST_VA and a page at each va. */
static struct mm_struct *mm_with_pages(unsigned long len, const unsigned long *vas, int n)
{
	struct mm_struct *mm = mm_alloc();
	bool ok;
	int i;

	if (!mm)
		return NULL;
	down_write(&mm->mmap_lock);
	ok = !vm_map_anon_fixed(mm, TEST_VA, len, VM_READ | VM_WRITE, NULL);
	for (i = 0; ok && i < n; i++) {
		struct folio *folio = folio_alloc(0, __GFP_ZERO);

		ok = folio && !vm_insert_folio(find_vma(mm, vas[i]), vas[i], folio);
		if (!ok && folio)
			folio_put(folio);
	}
	up_write(&mm->mmap_lock);
	if (!ok) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

static struct page *table_page(pmd_t *pmd)
{
	return pfn_to_page(pmd_table_pa(READ_ONCE(*pmd)) >> PAGE_SHIFT);
}

/* Returns a failure message or NULL; releases every lock it takes. */
static const char *check_split_locks(struct mm_struct *mm)
{
	pmd_t *pmd_a = mm_find_pmd(mm, TEST_VA), *pmd_b = mm_find_pmd(mm, TEST_VA + PMD_SIZE);
	spinlock_t *ptl_a, *ptl_b;
	const char *why = NULL;
	pte_t *ptep;

	if (!pmd_a || !pmd_b || !pmd_table(*pmd_a) || !pmd_table(*pmd_b))
		return "no PTE tables for the two pages";
	ptep = pte_offset_map_lock(mm, pmd_a, TEST_VA, &ptl_a);
	if (!ptep)
		return "pte_offset_map_lock found no table";
	ptl_b = pte_lockptr(mm, pmd_b);
	if (ptl_a != ptlock_ptr(table_page(pmd_a)))
		why = "pte_offset_map_lock took a lock other than its table's ptl";
	else if (!spin_is_locked(ptl_a))
		why = "pte_offset_map_lock returned with the lock free";
	else if (ptep != (pte_t *)page_address(table_page(pmd_a)) + pte_index(TEST_VA) ||
		 pte_none(ptep_get(ptep)))
		why = "pte_offset_map_lock returned the wrong PTE";
	else if (ptl_b == ptl_a)
		why = "two PTE tables of one mm share a lock";
	else if (!spin_trylock(ptl_b))
		why = "the other table's lock is taken while this one is held";
	else
		spin_unlock(ptl_b);
	if (!why && !spin_trylock(&mm->page_table_lock))
		why = "holding a PTE lock holds mm->page_table_lock";
	else if (!why)
		spin_unlock(&mm->page_table_lock);
	pte_unmap_unlock(ptep, ptl_a);
	return why;
}

KTEST(pte_tables_have_their_own_locks)
{
	const unsigned long vas[] = { TEST_VA, TEST_VA + PMD_SIZE };
	struct mm_struct *mm = mm_with_pages(2 * PMD_SIZE, vas, 2);
	const char *why;

	KTEST_ASSERT(mm, "building the mm failed");
	down_read(&mm->mmap_lock);
	why = check_split_locks(mm);
	up_read(&mm->mmap_lock);
	mmput(mm);
	KTEST_ASSERT(!why, "%s", why);
}

/* Allocated (not back in the buddy allocator) and still a page table? */
static bool table_page_live(struct page *page)
{
	return folio_ref_count(page_folio(page)) == 1 && PageFlag(page, PG_pgtable);
}

KTEST(page_tables_are_freed_only_after_the_tlb_flush)
{
	const unsigned long vas[] = { TEST_VA + 5 * PAGE_SIZE };
	struct mm_struct *mm = mm_with_pages(PAGE_SIZE * 8, vas, 1);
	struct page *pte_table, *pmd_table;
	const char *why = NULL;
	struct mmu_gather tlb;
	pmd_t *pmd;

	KTEST_ASSERT(mm, "building the mm failed");
	down_write(&mm->mmap_lock);
	pmd = mm_find_pmd(mm, TEST_VA);
	pte_table = table_page(pmd);
	pmd_table = virt_to_page(pmd);
	tlb_gather_mmu(&tlb, mm);
	zap_page_range(&tlb, TEST_VA, TEST_VA + PAGE_SIZE * 8);
	free_pgtables(&tlb, TEST_VA, TEST_VA + PAGE_SIZE * 8);
	if (!table_page_live(pte_table) || !table_page_live(pmd_table))
		why = "a table page was freed before the TLB flush";
	else if (!pmd_none(READ_ONCE(*pmd)))
		why = "the empty PTE table was not unlinked";
	tlb_finish_mmu(&tlb);
	if (!why && (folio_ref_count(page_folio(pte_table)) != 0 ||
		     folio_ref_count(page_folio(pmd_table)) != 0))
		why = "the gathered table pages were not freed by tlb_finish_mmu";
	up_write(&mm->mmap_lock);
	mmput(mm);
	KTEST_ASSERT(!why, "%s", why);
}
