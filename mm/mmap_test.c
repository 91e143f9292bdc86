/*
 * Self-tests of user address spaces without running user code: an mm is
 * built by hand as exec builds one (vm_map_anon_fixed + vm_insert_folio),
 * then forked (dup_mm: pages shared copy-on-write), partly unmapped and
 * torn down (mmput), checking contents, counters, mapcounts and that every
 * page comes back to the allocator.
 */
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <mm/pgtable.h>
#include <mm/slab.h>

#include "internal.h"

#define LOW_VA 0x400000UL
#define HIGH_VA 0x7f0000000000UL	/* another PGD entry: its own PUD table */

/* Map a page filled with byte c at va of mm (in a VMA). */
static bool insert_page(struct mm_struct *mm, unsigned long va, int c)
{
	struct folio *folio = folio_alloc(0, 0);

	if (!folio)
		return false;
	memset(folio_address(folio), c, PAGE_SIZE);
	if (vm_insert_folio(find_vma(mm, va), va, folio)) {
		folio_put(folio);
		return false;
	}
	return true;
}

/* The byte at va of mm, or -1 if va is not mapped. */
static int byte_at(struct mm_struct *mm, unsigned long va)
{
	struct pgtable_lookup l;

	if (!pgtable_lookup(mm, va, &l))
		return -1;
	return *(unsigned char *)__va(l.pa);
}

static unsigned long free_pages_settled(void)
{
	kmalloc_shrink();
	return nr_free_pages();
}

/* One life cycle; returns a failure message or NULL. */
static const char *mm_life_cycle(void)
{
	struct mm_struct *mm = mm_alloc(), *child;
	struct pgtable_lookup a, b;
	const char *why = NULL;

	if (!mm)
		return "mm_alloc failed";
	down_write(&mm->mmap_lock);
	if (vm_map_anon_fixed(mm, LOW_VA, 3 * PAGE_SIZE, VM_READ | VM_WRITE, NULL) ||
	    vm_map_anon_fixed(mm, HIGH_VA, PAGE_SIZE, VM_READ, "[x]") ||
	    !insert_page(mm, LOW_VA, 0x11) || !insert_page(mm, LOW_VA + PAGE_SIZE, 0x22) ||
	    !insert_page(mm, HIGH_VA, 0x33))
		why = "building the mm failed";
	else if (insert_page(mm, LOW_VA, 0x44))
		why = "vm_insert_folio over a mapped page succeeded";
	up_write(&mm->mmap_lock);
	if (why)
		goto out;

	child = dup_mm(mm);
	if (!child) {
		why = "dup_mm failed";
		goto out;
	}
	if (byte_at(child, LOW_VA) != 0x11 || byte_at(child, LOW_VA + PAGE_SIZE) != 0x22 ||
	    byte_at(child, HIGH_VA) != 0x33 || byte_at(child, LOW_VA + 2 * PAGE_SIZE) != -1)
		why = "child's contents differ";
	else if (!pgtable_lookup(mm, LOW_VA, &a) || !pgtable_lookup(child, LOW_VA, &b) ||
		 a.pa != b.pa)
		why = "child got a copy of the parent's page (COW shares it)";
	else if (pte_write(a.leaf) || pte_write(b.leaf) ||
		 page_mapcount(pfn_to_page(a.pa >> PAGE_SHIFT)) != 2 ||
		 PageAnonExclusive(pfn_to_page(a.pa >> PAGE_SHIFT)))
		why = "shared page not read-only, mapcount 2 and non-exclusive after fork";
	else if (child->nr_anon_pages != 3 || mm->nr_anon_pages != 3 || child->map_count != 2)
		why = "counters wrong after fork";
	mmput(child);
	if (why)
		goto out;

	down_write(&mm->mmap_lock);
	if (do_munmap(mm, LOW_VA + PAGE_SIZE, PAGE_SIZE))
		why = "do_munmap failed";
	else if (byte_at(mm, LOW_VA + PAGE_SIZE) != -1 || byte_at(mm, LOW_VA) != 0x11)
		why = "munmap of the middle page unmapped the wrong page";
	else if (mm->map_count != 3 || mm->nr_anon_pages != 2)
		why = "munmap did not split the VMA or count the page";
	up_write(&mm->mmap_lock);
out:
	mmput(mm);
	return why;
}

KTEST(mm_fork_munmap_exit_return_every_page)
{
	unsigned long before;
	const char *why;

	why = mm_life_cycle();		/* warm the slab caches up */
	KTEST_ASSERT(!why, "%s", why);
	before = free_pages_settled();
	why = mm_life_cycle();
	KTEST_ASSERT(!why, "%s", why);
	KTEST_ASSERT(free_pages_settled() == before, "leaked %ld pages",
		     (long)(before - free_pages_settled()));
}
