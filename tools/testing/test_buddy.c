/*
 * Host tests of the buddy allocator (mm/page_alloc.c) over fake physical
 * memory: one case per promise of <mm/page_alloc.h>.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_phys.h"
#include "host.h"

#define NR_FAKE_PAGES (FAKE_END_PFN - FAKE_BASE_PFN)

static struct folio *held[NR_FAKE_PAGES + 1];	/* + the NULL that ends a run */

/* A fresh allocator holding exactly one free block of MAX_ORDER. */
static void one_max_block(void)
{
	fake_mem_map(FAKE_BASE_PFN, FAKE_BASE_PFN + (1UL << MAX_ORDER));
	buddy_free_range(FAKE_BASE_PFN, FAKE_BASE_PFN + (1UL << MAX_ORDER));
}

static void snapshot(unsigned long counts[NR_ORDERS])
{
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		counts[o] = nr_free_blocks(o);
}

static bool same_counts(const unsigned long a[NR_ORDERS], const unsigned long b[NR_ORDERS])
{
	return !memcmp(a, b, NR_ORDERS * sizeof(a[0]));
}

TEST(buddy_alloc_free_every_order_naturally_aligned)
{
	unsigned long before[NR_ORDERS], after[NR_ORDERS], free0;

	fake_mem_map_all_free();
	free0 = nr_free_pages();
	CHECK(free0 == NR_FAKE_PAGES, "all %lu pages free, got %lu", NR_FAKE_PAGES, free0);
	CHECK(nr_managed_pages() == NR_FAKE_PAGES, "managed %lu", nr_managed_pages());
	snapshot(before);
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		struct folio *f = folio_alloc(o, GFP_KERNEL);

		CHECK(f, "order %u: no folio", o);
		if (!f)
			continue;
		CHECK(folio_pfn(f) % (1UL << o) == 0, "order %u: pfn %lx not aligned", o, folio_pfn(f));
		CHECK(folio_order(f) == o, "order %u: folio_order %u", o, folio_order(f));
		CHECK(folio_ref_count(f) == 1, "order %u: refcount %d", o, folio_ref_count(f));
		CHECK(nr_free_pages() == free0 - (1UL << o), "order %u: free %lu", o, nr_free_pages());
		CHECK(buddy_check(), "order %u: free lists inconsistent after alloc", o);
		folio_put(f);
		CHECK(nr_free_pages() == free0, "order %u: free pages not restored", o);
	}
	snapshot(after);
	CHECK(same_counts(before, after), "per-order block counts not restored");
	CHECK(folio_alloc(MAX_ORDER + 1, GFP_KERNEL) == NULL, "order above MAX_ORDER must fail");
	CHECK(buddy_check(), "free lists inconsistent");
}

TEST(buddy_split_leaves_one_block_per_lower_order_and_merges_back)
{
	struct folio *f;

	one_max_block();
	f = folio_alloc(0, GFP_KERNEL);
	CHECK(f && folio_pfn(f) == FAKE_BASE_PFN, "order-0 folio from the block's start");
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK(nr_free_blocks(o) == 1, "order %u: %lu free blocks after split, want 1",
		      o, nr_free_blocks(o));
	CHECK(nr_free_blocks(MAX_ORDER) == 0, "the max block must be split");
	CHECK(buddy_check(), "free lists inconsistent after split");
	folio_put(f);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		CHECK(nr_free_blocks(o) == 0, "order %u: %lu blocks left unmerged", o,
		      nr_free_blocks(o));
	CHECK(nr_free_blocks(MAX_ORDER) == 1, "merge must rebuild the max block");
	CHECK(nr_free_pages() == 1UL << MAX_ORDER, "free pages %lu", nr_free_pages());
	CHECK(buddy_check(), "free lists inconsistent after merge");
}

TEST(buddy_exhaustion_every_order_then_free_all_restores)
{
	unsigned long before[NR_ORDERS], after[NR_ORDERS];

	fake_mem_map_all_free();
	snapshot(before);
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		unsigned long n = 0;

		while ((held[n] = folio_alloc(o, GFP_KERNEL)))
			n++;
		CHECK(n == NR_FAKE_PAGES >> o, "order %u: %lu folios before NULL, want %lu",
		      o, n, NR_FAKE_PAGES >> o);
		CHECK(nr_free_pages() == 0, "order %u: %lu pages left", o, nr_free_pages());
		CHECK(buddy_check(), "order %u: inconsistent when exhausted", o);
		while (n)
			folio_put(held[--n]);
		snapshot(after);
		CHECK(same_counts(before, after), "order %u: block counts not restored", o);
	}
	CHECK(nr_free_pages() == NR_FAKE_PAGES, "free pages %lu", nr_free_pages());
}

TEST(buddy_double_free_panics)
{
	struct folio *f;

	one_max_block();
	held[0] = folio_alloc(0, GFP_KERNEL);
	f = folio_alloc(0, GFP_KERNEL);
	folio_put(f);
	folio_put(held[0]);		/* f is now inside a merged free block */
	EXPECT_PANIC(folio_put(f));
	CHECK(strstr(host_panic_msg, "double free"), "message: %s", host_panic_msg);
	CHECK(folio_ref_count(f) == 0, "refcount %d after the refused put", folio_ref_count(f));
	f = folio_alloc(3, GFP_KERNEL);
	held[0] = folio_alloc(3, GFP_KERNEL);	/* keep f from merging away */
	folio_put(f);
	EXPECT_PANIC(folio_put(f));
	CHECK(strstr(host_panic_msg, "double free"), "message: %s", host_panic_msg);
	folio_put(held[0]);
	CHECK(buddy_check(), "a refused double free must leave the lists intact");
	CHECK(nr_free_blocks(MAX_ORDER) == 1, "everything merged back");
}

TEST(buddy_freeing_reserved_or_mapped_page_panics)
{
	unsigned long hole = FAKE_BASE_PFN + 600;
	struct folio *f;

	fake_mem_map(FAKE_BASE_PFN, FAKE_BASE_PFN + 2048);
	buddy_free_range(FAKE_BASE_PFN, FAKE_BASE_PFN + 512);
	buddy_free_range(FAKE_BASE_PFN + 1024, FAKE_BASE_PFN + 2048);
	EXPECT_PANIC(folio_put(page_folio(pfn_to_page(hole))));
	CHECK(strstr(host_panic_msg, "reserved"), "message: %s", host_panic_msg);
	EXPECT_PANIC(buddy_free_range(FAKE_BASE_PFN + 100, FAKE_BASE_PFN + 101));
	CHECK(strstr(host_panic_msg, "not reserved"), "message: %s", host_panic_msg);
	f = folio_alloc(0, GFP_KERNEL);
	f->page._mapcount = 0;
	EXPECT_PANIC(folio_put(f));
	CHECK(strstr(host_panic_msg, "mapped"), "message: %s", host_panic_msg);
}

TEST(buddy_gfp_zero_zeroes_and_reused_pages_hold_poison)
{
	struct folio *f;
	unsigned char *p;
	size_t i, bad = 0;

	one_max_block();
	f = folio_alloc(2, GFP_KERNEL);
	p = folio_address(f);
	memset(p, 0x5c, 4 * PAGE_SIZE);
	folio_put(f);
	f = folio_alloc(2, GFP_KERNEL);
	CHECK(folio_address(f) == p, "the same block comes back");
	CHECK(p[0] == 0xaa && p[4 * PAGE_SIZE - 1] == 0xaa, "a reused folio holds the poison");
	CHECK(!PageFlag(folio_page(f, 3), PG_poisoned), "allocated pages lose PG_poisoned");
	memset(p, 0x5c, 4 * PAGE_SIZE);
	folio_put(f);
	f = folio_alloc(2, __GFP_ZERO);
	CHECK(folio_address(f) == p, "the same block comes back");
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		bad += p[i] != 0;
	CHECK(bad == 0, "%zu bytes not zeroed", bad);
	folio_put(f);
}

TEST(buddy_write_after_free_is_caught_at_next_alloc)
{
	struct folio *f;
	unsigned char *p;

	one_max_block();
	f = folio_alloc(0, GFP_KERNEL);
	p = folio_address(f);
	folio_put(f);
	p[123] = 1;			/* a dangling write */
	EXPECT_PANIC(folio_alloc(0, GFP_KERNEL));
	CHECK(strstr(host_panic_msg, "written after free"), "message: %s", host_panic_msg);
}

TEST(buddy_refcount_keeps_folio_until_last_put)
{
	struct folio *f;
	unsigned long free0;

	one_max_block();
	free0 = nr_free_pages();
	f = folio_alloc(1, GFP_KERNEL);
	folio_get(f);
	CHECK(folio_ref_count(f) == 2, "refcount %d after get", folio_ref_count(f));
	folio_put(f);
	CHECK(folio_ref_count(f) == 1, "refcount %d after one put", folio_ref_count(f));
	CHECK(nr_free_pages() == free0 - 2, "folio freed while still referenced");
	CHECK(PageFlag(&f->page, PG_head), "folio state kept while referenced");
	folio_put(f);
	CHECK(nr_free_pages() == free0, "last put must free");
}

TEST(buddy_folio_helpers_on_head_and_tails)
{
	struct folio *f, *single;

	one_max_block();
	f = folio_alloc(4, GFP_KERNEL);
	CHECK(folio_order(f) == 4 && folio_nr_pages(f) == 16, "order %u nr %lu",
	      folio_order(f), folio_nr_pages(f));
	CHECK(PageFlag(&f->page, PG_head) && !PageFlag(&f->page, PG_tail), "head flags");
	for (unsigned long i = 1; i < 16; i++) {
		struct page *t = folio_page(f, i);

		CHECK(PageFlag(t, PG_tail) && !PageFlag(t, PG_head), "page %lu: tail flags", i);
		CHECK(page_folio(t) == f, "page %lu: page_folio must find the head", i);
	}
	EXPECT_PANIC(folio_put((struct folio *)folio_page(f, 3)));
	CHECK(strstr(host_panic_msg, "tail"), "message: %s", host_panic_msg);
	single = folio_alloc(0, GFP_KERNEL);
	CHECK(!PageFlag(&single->page, PG_head) && folio_order(single) == 0 &&
	      folio_nr_pages(single) == 1, "order-0 folios are plain pages");
	CHECK(page_folio(&single->page) == single, "page_folio of an order-0 page");
	folio_put(f);
	folio_put(single);
	for (unsigned long i = 0; i < 16; i++)
		CHECK((pfn_to_page(FAKE_BASE_PFN + i)->flags &
		       ~(BIT(PG_buddy) | BIT(PG_poisoned))) == 0,
		      "page %lu: folio flags must be cleared on free", i);
	CHECK(buddy_check(), "free lists inconsistent");
}

TEST(buddy_unaligned_min_pfn_uses_absolute_alignment)
{
	unsigned long start = FAKE_BASE_PFN + 3, end = FAKE_END_PFN - 5, n = 0;

	fake_mem_map(start, end);
	buddy_free_range(start, end);
	CHECK(nr_free_pages() == end - start, "free %lu want %lu", nr_free_pages(), end - start);
	CHECK(buddy_check(), "free lists inconsistent");
	/* Only the max blocks wholly inside [start, end) exist. */
	while ((held[n] = folio_alloc(MAX_ORDER, GFP_KERNEL))) {
		CHECK(folio_pfn(held[n]) % (1UL << MAX_ORDER) == 0, "pfn %lx misaligned",
		      folio_pfn(held[n]));
		n++;
	}
	CHECK(n == (NR_FAKE_PAGES >> MAX_ORDER) - 2, "%lu max blocks, want %lu", n,
	      (NR_FAKE_PAGES >> MAX_ORDER) - 2);
	while (n)
		folio_put(held[--n]);
	CHECK(nr_free_pages() == end - start, "free pages restored");
	CHECK(buddy_check(), "free lists inconsistent after free");
}

TEST(buddy_memory_with_holes_never_hands_out_a_hole)
{
	unsigned long a = FAKE_BASE_PFN + 1000, b = FAKE_BASE_PFN + 3000, n = 0, bad = 0;

	fake_mem_map(FAKE_BASE_PFN + 7, FAKE_BASE_PFN + 5001);
	buddy_free_range(FAKE_BASE_PFN + 7, a);
	buddy_free_range(b, FAKE_BASE_PFN + 5001);
	CHECK(buddy_check(), "free lists inconsistent");
	while ((held[n] = folio_alloc(0, GFP_KERNEL))) {
		unsigned long pfn = folio_pfn(held[n++]);

		bad += pfn >= a && pfn < b;
	}
	CHECK(bad == 0, "%lu pages handed out from the hole", bad);
	CHECK(n == (a - FAKE_BASE_PFN - 7) + (FAKE_BASE_PFN + 5001 - b), "%lu pages", n);
	while (n)
		folio_put(held[--n]);
	CHECK(buddy_check(), "free lists inconsistent after free");
}

static unsigned long rng_state = 0x2545f4914f6cdd1dUL;

static unsigned long rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Stamp every page of f with its pfn; a folio overlapping another shows up
 * as a wrong stamp when it is freed. */
static void stamp(struct folio *f, bool check, unsigned long *bad)
{
	for (unsigned long i = 0; i < folio_nr_pages(f); i++) {
		unsigned long *w = page_address(folio_page(f, i));

		if (check)
			*bad += *w != folio_pfn(f) + i;
		else
			*w = folio_pfn(f) + i;
	}
}

TEST(buddy_random_stress_stays_consistent)
{
	unsigned long start = FAKE_BASE_PFN + 5, end = FAKE_BASE_PFN + 4096 - 3;
	unsigned long n = 0, bad = 0, failures = 0, i;

	fake_mem_map(start, end);
	buddy_free_range(start, end);
	for (i = 0; i < 5000 && !failures; i++) {
		if (n && (rng() % 100 < 45 || n == 4096)) {
			unsigned long k = rng() % n;

			stamp(held[k], true, &bad);
			folio_put(held[k]);
			held[k] = held[--n];
		} else {
			unsigned int o = rng() % 100 < 70 ? rng() % 3 : rng() % (MAX_ORDER + 1);
			struct folio *f = folio_alloc(o, GFP_KERNEL);

			if (f) {
				failures += folio_pfn(f) % (1UL << o) != 0;
				stamp(f, false, NULL);
				held[n++] = f;
			}
		}
		failures += !buddy_check();
	}
	CHECK(failures == 0, "step %lu: inconsistent or misaligned", i);
	while (n) {
		stamp(held[--n], true, &bad);
		folio_put(held[n]);
	}
	CHECK(bad == 0, "%lu pages overwritten by an overlapping folio", bad);
	CHECK(nr_free_pages() == end - start, "free %lu want %lu", nr_free_pages(), end - start);
	CHECK(buddy_check(), "free lists inconsistent at the end");
}
