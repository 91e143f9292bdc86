/*
 * Self-tests of the kernel page tables on the live system: W^X of the
 * kernel image, huge leaves in the direct map, the walker mapping and
 * unmapping 4 KiB and 2 MiB entries, and the Oops on an unmapped address.
 */
#include <kernel/errno.h>
#include <kernel/sections.h>
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>

/* A 1 GiB stretch at the top of the ioremap window kept for these tests. */
#define TEST_VA (IOREMAP_END - SZ_1G)

static bool lookup(const void *va, struct pgtable_lookup *l)
{
	return pgtable_lookup(&init_mm, (unsigned long)va, l);
}

KTEST(kernel_text_is_read_only_executable)
{
	struct pgtable_lookup l;

	KTEST_ASSERT(lookup(_text, &l), "kernel text not mapped");
	KTEST_ASSERT(!pte_write(l.leaf) && pte_exec(l.leaf), "text must be RX");
	KTEST_ASSERT(l.pa == __pa_symbol(_text), "text maps to the wrong frame");
}

KTEST(kernel_rodata_is_read_only_no_exec)
{
	struct pgtable_lookup l;

	KTEST_ASSERT(lookup(__rodata_start, &l), "rodata not mapped");
	KTEST_ASSERT(!pte_write(l.leaf) && !pte_exec(l.leaf), "rodata must be R, NX");
}

KTEST(kernel_data_is_writable_no_exec)
{
	struct pgtable_lookup l;

	KTEST_ASSERT(lookup(_data, &l), "data not mapped");
	KTEST_ASSERT(pte_write(l.leaf) && !pte_exec(l.leaf), "data must be RW, NX");
	KTEST_ASSERT(lookup(__bss_start, &l), "bss not mapped");
	KTEST_ASSERT(pte_write(l.leaf) && !pte_exec(l.leaf), "bss must be RW, NX");
}

KTEST(direct_map_uses_huge_leaves)
{
	struct folio *f = folio_alloc(HPAGE_PMD_ORDER, 0);
	struct pgtable_lookup l;

	KTEST_ASSERT(f, "no 2 MiB folio");
	KTEST_ASSERT(lookup(folio_address(f), &l), "direct map missing");
	KTEST_ASSERT(l.size >= PMD_SIZE, "direct map leaf is %lu bytes", l.size);
	KTEST_ASSERT(l.pa == page_to_phys(&f->page), "direct map translation wrong");
	KTEST_ASSERT(!pte_exec(l.leaf), "direct map must be NX");
	folio_put(f);
}

KTEST(walker_maps_and_unmaps_4k_and_2m)
{
	struct folio *small = folio_alloc(0, __GFP_ZERO);
	struct folio *huge = folio_alloc(HPAGE_PMD_ORDER, __GFP_ZERO);
	unsigned long before, va_small = TEST_VA, va_huge = TEST_VA + SZ_2M * 4;
	struct pgtable_lookup l;
	int err;

	KTEST_ASSERT(small && huge, "allocation failed");
	/* The PUD table under a kernel PGD entry is never freed (every address
	 * space shares it): create it before counting free pages. */
	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, TEST_VA, page_to_phys(&small->page),
				PAGE_SIZE, PAGE_KERNEL, 0);
	if (!err)
		err = pgtable_unmap_range(&init_mm, TEST_VA, PAGE_SIZE, NULL);
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_kernel_range(TEST_VA, TEST_VA + PAGE_SIZE);
	KTEST_ASSERT(!err, "warm-up map failed: %d", err);
	before = nr_free_pages();
	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, va_small, page_to_phys(&small->page),
				PAGE_SIZE, PAGE_KERNEL, PGT_HUGE);
	if (!err)
		err = pgtable_map_range(&init_mm, va_huge, page_to_phys(&huge->page),
					PMD_SIZE, PAGE_KERNEL, PGT_HUGE);
	spin_unlock(&init_mm.page_table_lock);
	KTEST_ASSERT(!err, "map failed: %d", err);

	KTEST_ASSERT(lookup((void *)va_small, &l) && l.size == PAGE_SIZE, "4K lookup");
	KTEST_ASSERT(lookup((void *)(va_huge + 12345), &l) && l.size == PMD_SIZE &&
			     l.pa == page_to_phys(&huge->page) + 12345, "2M lookup");
	*(volatile u64 *)va_small = 0x1122334455667788ULL;
	*(volatile u64 *)(va_huge + PMD_SIZE - 8) = 42;
	KTEST_ASSERT(*(u64 *)folio_address(small) == 0x1122334455667788ULL,
		     "write through the 4K mapping not seen in the direct map");
	KTEST_ASSERT(*(u64 *)((char *)folio_address(huge) + PMD_SIZE - 8) == 42,
		     "write through the 2M mapping not seen in the direct map");

	spin_lock(&init_mm.page_table_lock);
	KTEST_ASSERT(pgtable_unmap_range(&init_mm, va_huge, PAGE_SIZE, NULL) == -EINVAL,
		     "partial unmap of a 2M leaf must fail");
	err = pgtable_unmap_range(&init_mm, TEST_VA, SZ_2M * 8, NULL);
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_kernel_range(TEST_VA, TEST_VA + SZ_2M * 8);
	KTEST_ASSERT(!err, "unmap failed: %d", err);
	KTEST_ASSERT(!lookup((void *)va_small, &l) && !lookup((void *)va_huge, &l),
		     "still mapped after unmap");
	KTEST_ASSERT(nr_free_pages() == before, "page-table pages leaked: %lu -> %lu",
		     before, nr_free_pages());
	folio_put(small);
	folio_put(huge);
}

/* Reading an unmapped kernel address must Oops with a register dump. */
KTEST_DEATH(kernel_page_fault_oops)
{
	volatile u64 *bad = (volatile u64 *)(TEST_VA + 0x1234000);

	(void)*bad;
	KTEST_ASSERT(false, "read of an unmapped address did not fault");
}
