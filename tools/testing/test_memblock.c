/*
 * Host tests of memblock (mm/memblock.c) and of the boot hand-over to the
 * buddy allocator (page_alloc_init). The source is included so that each
 * test can start from an empty memblock.
 */
#include "../../mm/memblock.c"

#include <stdlib.h>

#include "fake_phys.h"
#include "host.h"

#define MB (1UL << 20)

static void memblock_reset(void)
{
	memory.cnt = 0;
	reserved.cnt = 0;
	alloc_limit = ~(phys_addr_t)0;
	memblock_released = false;
}

static bool region_is(const struct memblock_type *t, int i, phys_addr_t base, u64 size)
{
	return i < t->cnt && t->regions[i].base == base && t->regions[i].size == size;
}

TEST(memblock_add_merges_overlapping_and_adjacent_ranges)
{
	phys_addr_t base;
	u64 size;

	memblock_reset();
	memblock_add(0x5000, 0x1000);
	memblock_add(0x1000, 0x2000);
	memblock_add(0x9000, 0x1000);
	CHECK(memory.cnt == 3, "three separate ranges, got %d", memory.cnt);
	CHECK(region_is(&memory, 0, 0x1000, 0x2000), "sorted by base");
	memblock_add(0x2000, 0x3000);		/* overlaps the first, touches the second */
	CHECK(memory.cnt == 2, "merged to two ranges, got %d", memory.cnt);
	CHECK(region_is(&memory, 0, 0x1000, 0x5000), "[0x1000, 0x6000) expected");
	memblock_add(0xa000, 0x1000);		/* adjacent above */
	CHECK(region_is(&memory, 1, 0x9000, 0x2000), "adjacent ranges merge");
	memblock_add(0x0, 0x20000);		/* swallows everything */
	CHECK(memory.cnt == 1 && region_is(&memory, 0, 0, 0x20000), "one range");
	CHECK(memblock_start() == 0 && memblock_end() == 0x20000, "start/end");
	CHECK(memblock_mem_range(0, &base, &size) && base == 0 && size == 0x20000, "range 0");
	CHECK(!memblock_mem_range(1, &base, &size), "no range 1");
}

TEST(memblock_reserve_overlapping_ranges_merge)
{
	memblock_reset();
	memblock_reserve(0x3000, 0x1000);
	memblock_reserve(0x1000, 0x800);
	memblock_reserve(0x3800, 0x2000);
	CHECK(reserved.cnt == 2, "two reserved ranges, got %d", reserved.cnt);
	CHECK(region_is(&reserved, 1, 0x3000, 0x2800), "[0x3000, 0x5800) expected");
	memblock_reserve(0x1400, 0x2000);
	CHECK(reserved.cnt == 1 && region_is(&reserved, 0, 0x1000, 0x4800),
	      "bridging range merges all, cnt %d", reserved.cnt);
}

TEST(memblock_too_many_ranges_panics)
{
	memblock_reset();
	for (int i = 0; i < MEMBLOCK_MAX_REGIONS; i++)
		memblock_add(i * 0x2000, 0x1000);
	EXPECT_PANIC(memblock_add(0x1000000, 0x1000));
	CHECK(strstr(host_panic_msg, "too many"), "message: %s", host_panic_msg);
}

TEST(memblock_alloc_is_aligned_zeroed_top_down_and_avoids_reserved)
{
	phys_addr_t top = FAKE_PHYS_BASE + FAKE_PHYS_SIZE, a, b;
	unsigned char *p;

	memblock_reset();
	memblock_add(FAKE_PHYS_BASE, FAKE_PHYS_SIZE);
	memblock_reserve(top - 0x1800, 0x1800);
	memset(__va(top - 8 * MB), 0x77, 8 * MB);
	a = memblock_alloc(100, 64);
	CHECK(a % 64 == 0, "alignment 64: %llx", (unsigned long long)a);
	CHECK(a + 100 <= top - 0x1800 && a >= top - 0x1800 - 164, "highest free spot: %llx",
	      (unsigned long long)a);
	p = __va(a);
	for (int i = 0; i < 100; i++)
		CHECK(p[i] == 0, "byte %d not zeroed", i);
	b = memblock_alloc(0x1000, 2 * MB);
	CHECK(b % (2 * MB) == 0 && b + 0x1000 <= a, "2 MiB aligned below the first: %llx",
	      (unsigned long long)b);
	CHECK(reserved_overlap(a, 100) && reserved_overlap(b, 0x1000), "allocations reserved");
}

TEST(memblock_alloc_respects_limit_and_panics_when_full)
{
	phys_addr_t a, limit = FAKE_PHYS_BASE + MB;

	memblock_reset();
	memblock_add(FAKE_PHYS_BASE, FAKE_PHYS_SIZE);
	memblock_set_limit(limit);
	a = memblock_alloc(0x3000, PAGE_SIZE);
	CHECK(a + 0x3000 <= limit && a >= FAKE_PHYS_BASE, "below the limit: %llx",
	      (unsigned long long)a);
	EXPECT_PANIC(memblock_alloc(MB, PAGE_SIZE));
	CHECK(strstr(host_panic_msg, "memblock_alloc"), "message: %s", host_panic_msg);
	EXPECT_PANIC(memblock_alloc(16, 3));
	CHECK(strstr(host_panic_msg, "bad size"), "non-power-of-two align: %s", host_panic_msg);
}

/* Is pfn wholly inside memory and untouched by every reserved range? */
static bool expect_free(unsigned long pfn)
{
	phys_addr_t s = (phys_addr_t)pfn << PAGE_SHIFT, e = s + PAGE_SIZE;
	bool in_mem = false;

	for (int i = 0; i < memory.cnt; i++)
		in_mem |= memory.regions[i].base <= s && region_end(&memory.regions[i]) >= e;
	for (int i = 0; i < reserved.cnt; i++)
		if (reserved.regions[i].base < e && region_end(&reserved.regions[i]) > s)
			return false;
	return in_mem;
}

TEST(memblock_free_all_hands_exactly_the_unreserved_pages_to_buddy)
{
	unsigned long start, end, want = 0, wrong = 0, freed;

	memblock_reset();
	memblock_add(FAKE_PHYS_BASE + 0x800, 4 * MB);		/* partial first page */
	memblock_add(FAKE_PHYS_BASE + 6 * MB, 3 * MB + 0x234);	/* hole, partial last page */
	memblock_reserve(FAKE_PHYS_BASE + MB + 0x10, 0x20);	/* touches one page */
	memblock_reserve(FAKE_PHYS_BASE + 2 * MB - 0x1000, 0x3000);
	memblock_reserve(FAKE_PHYS_BASE + 7 * MB + 0xfff, 2);	/* straddles two pages */
	memblock_reserve(FAKE_PHYS_BASE + 20 * MB, MB);		/* outside memory */
	start = memblock_start() >> PAGE_SHIFT;
	end = DIV_ROUND_UP(memblock_end(), PAGE_SIZE);
	for (unsigned long pfn = start; pfn < end; pfn++)
		want += expect_free(pfn);
	fake_mem_map(start, end);
	freed = memblock_free_all();
	CHECK(freed == want, "freed %lu pages, want %lu", freed, want);
	CHECK(nr_free_pages() == want, "buddy has %lu free pages", nr_free_pages());
	for (unsigned long pfn = start; pfn < end; pfn++)
		wrong += PageFlag(pfn_to_page(pfn), PG_reserved) == expect_free(pfn);
	CHECK(wrong == 0, "%lu pages with the wrong PG_reserved", wrong);
	CHECK(buddy_check(), "free lists inconsistent");
	EXPECT_PANIC(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
	CHECK(strstr(host_panic_msg, "after memblock_free_all"), "message: %s", host_panic_msg);
}

TEST(page_alloc_init_builds_mem_map_from_memblock_and_frees_the_rest)
{
	unsigned long total = FAKE_PHYS_SIZE / PAGE_SIZE, kernel = 300, map_pages;
	struct folio *f;

	memblock_reset();
	memblock_add(FAKE_PHYS_BASE, FAKE_PHYS_SIZE);
	memblock_reserve(FAKE_PHYS_BASE + MB, kernel * PAGE_SIZE);	/* "the kernel" */
	page_alloc_init();
	map_pages = DIV_ROUND_UP(total * sizeof(struct page), PAGE_SIZE);
	CHECK(min_pfn == FAKE_BASE_PFN && max_pfn == FAKE_END_PFN, "mem_map covers RAM");
	CHECK(__pa(mem_map) >= FAKE_PHYS_BASE, "mem_map lives in (fake) RAM");
	CHECK(PageFlag(virt_to_page(mem_map), PG_reserved), "mem_map pages stay reserved");
	CHECK(nr_free_pages() == total - kernel - map_pages, "free %lu want %lu",
	      nr_free_pages(), total - kernel - map_pages);
	CHECK(nr_managed_pages() == nr_free_pages(), "managed = free at boot");
	CHECK(buddy_check(), "free lists inconsistent");
	f = folio_alloc(MAX_ORDER, GFP_KERNEL);
	CHECK(f != NULL, "a 4 MiB folio after boot");
	folio_put(f);
}
