/*
 * Self-tests of the buddy allocator on the live system: every order
 * allocates naturally aligned folios and gives back exactly what it took,
 * the free lists pass buddy_check(), and a 4 MiB folio holds every byte
 * written to it.
 */
#include <kernel/selftest.h>
#include <mm/page_alloc.h>

KTEST(buddy_alloc_every_order)
{
	unsigned long before[NR_ORDERS], free0 = nr_free_pages();
	unsigned int o;

	for (o = 0; o <= MAX_ORDER; o++)
		before[o] = nr_free_blocks(o);
	for (o = 0; o <= MAX_ORDER; o++) {
		struct folio *f = folio_alloc(o, GFP_KERNEL);

		KTEST_ASSERT(f, "no order-%u folio", o);
		KTEST_ASSERT(folio_pfn(f) % (1UL << o) == 0, "order %u: pfn %lx misaligned",
			     o, folio_pfn(f));
		KTEST_ASSERT(folio_order(f) == o && folio_ref_count(f) == 1,
			     "order %u: folio_order %u refcount %d", o, folio_order(f),
			     folio_ref_count(f));
		KTEST_ASSERT(nr_free_pages() == free0 - (1UL << o), "order %u: free %lu",
			     o, nr_free_pages());
		folio_put(f);
		KTEST_ASSERT(nr_free_pages() == free0, "order %u: free pages not restored", o);
	}
	for (o = 0; o <= MAX_ORDER; o++)
		KTEST_ASSERT(nr_free_blocks(o) == before[o], "order %u: %lu free blocks, was %lu",
			     o, nr_free_blocks(o), before[o]);
	KTEST_ASSERT(folio_alloc(MAX_ORDER + 1, GFP_KERNEL) == NULL, "order above MAX_ORDER");
}

KTEST(buddy_free_lists_consistent)
{
	KTEST_ASSERT(buddy_check(), "buddy_check failed (see above)");
	KTEST_ASSERT(nr_free_pages() <= nr_managed_pages(), "free %lu > managed %lu",
		     nr_free_pages(), nr_managed_pages());
}

KTEST(buddy_4mib_folio_holds_every_byte)
{
	struct folio *f = folio_alloc(MAX_ORDER, __GFP_ZERO);
	unsigned long i, n = PAGE_SIZE << MAX_ORDER, bad = 0;
	unsigned char *p;

	KTEST_ASSERT(f, "no 4 MiB folio");
	p = folio_address(f);
	for (i = 0; i < n; i++)
		bad += p[i] != 0;
	KTEST_ASSERT(bad == 0, "%lu bytes not zeroed", bad);
	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + (i >> 12));
	for (i = 0; i < n; i++)
		bad += p[i] != (unsigned char)(i * 7 + (i >> 12));
	folio_put(f);
	KTEST_ASSERT(bad == 0, "%lu bytes read back wrong", bad);
}

/* Death test: the second put must panic with "double free". */
KTEST_DEATH(buddy_double_free_panics)
{
	struct folio *f = folio_alloc(0, GFP_KERNEL);

	KTEST_ASSERT(f, "no page");
	folio_put(f);
	folio_put(f);
}
