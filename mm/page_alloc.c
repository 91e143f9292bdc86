/*
 * The buddy allocator: every page frame between min_pfn and max_pfn has a
 * struct page in mem_map[]; the free ones are grouped into naturally aligned
 * blocks of 2^order frames (order 0 .. MAX_ORDER) kept on one free list per
 * order. Allocation takes the smallest block that fits and splits it;
 * freeing merges a block with its buddy, the other half of the block one
 * order up, for as long as that buddy is free too.
 *
 *   order 2 block at pfn 8:  [ 8  9 10 11 ]
 *   split:                   [ 8  9 ] [10 11 ]   buddies: 8 ^ (1 << 1) = 10
 *   split again:             [ 8 ] [ 9 ]         buddies: 8 ^ (1 << 0) = 9
 *
 * Invariants (checked by buddy_check()):
 *  - a free block starts on a pfn that is a multiple of 2^order (absolute
 *    pfn, so min_pfn itself need not be aligned) and lies inside mem_map;
 *  - its first page has PG_buddy and page->order == order and is on
 *    free_area[order]; every page of it has refcount 0 and no flag but
 *    PG_buddy (head) and PG_poisoned;
 *  - two free buddies of the same order never coexist (they are merged);
 *  - zone.free_pages is the sum over orders of nr_free << order.
 * Pages outside every free block are either allocated (refcount >= 1 on
 * the folio head) or PG_reserved (kernel image, memblock data, holes).
 *
 * In debug builds (CONFIG_DEBUG_VM: make run, make test) freed pages are
 * filled with PAGE_POISON and marked PG_poisoned; when such a page is
 * allocated again the poison is checked, so a write through a dangling
 * pointer is reported (xv6 fills freed pages with junk for the same
 * reason). Pages handed over at boot are not poisoned: filling all of RAM
 * would cost most of the boot time under QEMU. `make bench` builds
 * without it: two passes over every freed page would dominate the cost of
 * a fault.
 *
 * Locking: zone.lock (irqsave) protects the free lists and counters; page
 * flags of free pages change only under it. Refcounts are atomic.
 */
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/page_alloc.h>
#include <mm/rmap.h>

#define PAGE_POISON 0xaaaaaaaaaaaaaaaaULL	/* fills every PG_poisoned page */

struct page *mem_map;
unsigned long min_pfn, max_pfn;

struct free_area {
	struct list_head free_list;	/* heads of free blocks (page->lru) */
	unsigned long nr_free;		/* blocks on free_list */
};

static struct zone {
	spinlock_t lock;
	struct free_area free_area[NR_ORDERS];
	unsigned long free_pages;	/* pages in all free blocks */
	unsigned long managed_pages;	/* pages ever given by buddy_free_range */
} zone;

void mem_map_init(struct page *map, unsigned long start_pfn,
		  unsigned long end_pfn)
{
	unsigned long i;

	mem_map = map;
	min_pfn = start_pfn;
	max_pfn = end_pfn;
	for (i = 0; i < end_pfn - start_pfn; i++) {
		memset(&map[i], 0, sizeof(map[i]));
		map[i].flags = BIT(PG_reserved);
		map[i]._mapcount = -1;
	}
}

void buddy_init(void)
{
	unsigned int o;

	spin_lock_init(&zone.lock, "zone.lock");
	for (o = 0; o <= MAX_ORDER; o++) {
		INIT_LIST_HEAD(&zone.free_area[o].free_list);
		zone.free_area[o].nr_free = 0;
	}
	zone.free_pages = 0;
	zone.managed_pages = 0;
}

#ifdef CONFIG_DEBUG_VM
/* Fill the 2^order pages from pfn with PAGE_POISON and mark them. */
static void poison_pages(unsigned long pfn, unsigned int order)
{
	unsigned long i, j;

	for (i = 0; i < (1UL << order); i++) {
		struct page *page = pfn_to_page(pfn + i);
		u64 *p = page_address(page);

		for (j = 0; j < PAGE_SIZE / sizeof(u64); j++)
			p[j] = PAGE_POISON;
		SetPageFlag(page, PG_poisoned);
	}
}

/* Panic if a poisoned page of the block at pfn was written while free;
 * clear the marks. */
static void check_poison(unsigned long pfn, unsigned int order)
{
	unsigned long i, j;

	for (i = 0; i < (1UL << order); i++) {
		struct page *page = pfn_to_page(pfn + i);
		const u64 *p = page_address(page);

		if (!PageFlag(page, PG_poisoned))
			continue;
		for (j = 0; j < PAGE_SIZE / sizeof(u64); j++)
			if (p[j] != PAGE_POISON)
				panic("folio_alloc: pfn %lx written after free (offset %#lx: %llx)\n",
				      pfn + i, (unsigned long)(j * sizeof(u64)),
				      (unsigned long long)p[j]);
		ClearPageFlag(page, PG_poisoned);
	}
}
#else
static void poison_pages(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}

static void check_poison(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}
#endif

/* Put the block [pfn, pfn + 2^order) on its free list. Zone lock held. */
static void add_free_block(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);

	page->order = order;
	SetPageFlag(page, PG_buddy);
	list_add(&page->lru, &zone.free_area[order].free_list);
	zone.free_area[order].nr_free++;
	zone.free_pages += 1UL << order;
}

/* Take a free block off its free list. Zone lock held. */
static void del_free_block(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageFlag(page, PG_buddy);
	page->order = 0;
	zone.free_area[order].nr_free--;
	zone.free_pages -= 1UL << order;
}

/*
 * Free the block [pfn, pfn + 2^order), whose pages are clean (refcount 0,
 * no flags), merging it with its buddy while the buddy is a free block of
 * the same order. Zone lock held.
 */
static void __free_one(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageFlag(buddy, PG_buddy) || buddy->order != order)
			break;
		del_free_block(buddy, order);
		pfn &= ~(1UL << order);		/* the lower half heads the merge */
		order++;
	}
	add_free_block(pfn, order);
}

/*
 * Remove the smallest free block of order >= order and split it down to
 * order, giving the upper halves back to the lower free lists. Returns its
 * pfn, or -1UL if no block is large enough. Zone lock held.
 */
static unsigned long __take_block(unsigned int order)
{
	unsigned int o;
	unsigned long pfn;
	struct page *page;

	for (o = order; o <= MAX_ORDER; o++)
		if (!list_empty(&zone.free_area[o].free_list))
			break;
	if (o > MAX_ORDER)
		return -1UL;
	page = list_first_entry(&zone.free_area[o].free_list, struct page, lru);
	pfn = page_to_pfn(page);
	del_free_block(page, o);
	while (o > order) {
		o--;
		add_free_block(pfn + (1UL << o), o);
	}
	return pfn;
}

/* Turn the clean block at pfn into a folio with refcount 1. */
static struct folio *prep_new_folio(unsigned long pfn, unsigned int order)
{
	struct page *head = pfn_to_page(pfn);
	unsigned long i;

	for (i = 1; i < (1UL << order); i++) {
		struct page *tail = head + i;

		tail->compound_head = head;
		SetPageFlag(tail, PG_tail);
	}
	if (order) {
		head->order = order;
		SetPageFlag(head, PG_head);
	}
	head->mapping = NULL;
	head->index = 0;
	head->private = 0;
	head->_pincount = 0;
	head->_total_mapcount = 0;
	__atomic_store_n(&head->_refcount, 1, __ATOMIC_RELEASE);
	return (struct folio *)head;
}

struct folio *folio_alloc(unsigned int order, gfp_t gfp)
{
	unsigned long flags, pfn, i;

	if (order > MAX_ORDER)
		return NULL;
	spin_lock_irqsave(&zone.lock, flags);
	pfn = __take_block(order);
	spin_unlock_irqrestore(&zone.lock, flags);
	if (pfn == -1UL)
		return NULL;
	check_poison(pfn, order);
	if (gfp & __GFP_ZERO)
		for (i = 0; i < (1UL << order); i++)
			clear_page(page_address(pfn_to_page(pfn + i)));
	return prep_new_folio(pfn, order);
}

/*
 * Check that every page of the folio about to be freed is in a state that
 * may be freed, and wipe its folio state. Panics on a tail page that does
 * not point to its head, a page that is still mapped or a pinned folio.
 * An anonymous folio drops its reference on its anon_vma (mm/rmap.c).
 */
static void free_folio_prepare(struct page *head, unsigned int order)
{
	struct folio *folio = (struct folio *)head;
	unsigned long i;

	if (head->_total_mapcount || head->_pincount)
		panic("folio_put: pfn %lx freed with mapcount %d, pincount %d\n",
		      page_to_pfn(head), head->_total_mapcount, head->_pincount);
	if (folio_test_anon(folio))
		anon_vma_put(folio_anon_vma(folio));

	for (i = 0; i < (1UL << order); i++) {
		struct page *p = head + i;

		if (i && (!PageFlag(p, PG_tail) || p->compound_head != head))
			panic("folio_put: pfn %lx: bad tail of folio at pfn %lx\n",
			      page_to_pfn(p), page_to_pfn(head));
		if (p->_mapcount != -1)
			panic("folio_put: pfn %lx is still mapped (mapcount %d)\n",
			      page_to_pfn(p), p->_mapcount + 1);
		p->flags = 0;
		p->compound_head = NULL;
	}
	head->order = 0;
	head->mapping = NULL;
}

/*
 * Drop one reference to folio; on the last one return its pages to the
 * free lists. Panics on a folio that is reserved, free (PG_buddy or
 * refcount already 0: a double free) or a tail page.
 */
void folio_put(struct folio *folio)
{
	struct page *head = &folio->page;
	unsigned long pfn = page_to_pfn(head), flags;
	unsigned int order;
	int old;

	if (PageFlag(head, PG_reserved))
		panic("folio_put: pfn %lx is reserved\n", pfn);
	if (PageFlag(head, PG_buddy))
		panic("folio_put: double free of pfn %lx (already a free block)\n", pfn);
	if (PageFlag(head, PG_tail))
		panic("folio_put: pfn %lx is a tail page\n", pfn);
	if (folio_ref_count(folio) <= 0)	/* leaves the count intact */
		panic("folio_put: double free of pfn %lx\n", pfn);
	old = __atomic_fetch_sub(&head->_refcount, 1, __ATOMIC_ACQ_REL);
	if (old <= 0)				/* lost a race with another put */
		panic("folio_put: double free of pfn %lx\n", pfn);
	if (old > 1)
		return;
	order = folio_order(folio);
	free_folio_prepare(head, order);
	poison_pages(pfn, order);
	spin_lock_irqsave(&zone.lock, flags);
	__free_one(pfn, order);
	spin_unlock_irqrestore(&zone.lock, flags);
}

/*
 * Give the reserved frames [start_pfn, end_pfn) to the allocator, in the
 * largest naturally aligned blocks that fit. Panics on a frame outside
 * mem_map or one that is not PG_reserved (handed over twice).
 */
void buddy_free_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn, i, flags;

	if (start_pfn > end_pfn || start_pfn < min_pfn || end_pfn > max_pfn)
		panic("buddy_free_range: [%lx, %lx) outside mem_map [%lx, %lx)\n",
		      start_pfn, end_pfn, min_pfn, max_pfn);
	while (pfn < end_pfn) {
		unsigned int order = MAX_ORDER;

		while (!IS_ALIGNED(pfn, 1UL << order) ||
		       pfn + (1UL << order) > end_pfn)
			order--;
		for (i = 0; i < (1UL << order); i++) {
			struct page *p = pfn_to_page(pfn + i);

			if (!PageFlag(p, PG_reserved))
				panic("buddy_free_range: pfn %lx is not reserved\n",
				      pfn + i);
			ClearPageFlag(p, PG_reserved);
		}
		spin_lock_irqsave(&zone.lock, flags);
		__free_one(pfn, order);
		zone.managed_pages += 1UL << order;
		spin_unlock_irqrestore(&zone.lock, flags);
		pfn += 1UL << order;
	}
}

void page_alloc_init(void)
{
	unsigned long start = memblock_start() >> PAGE_SHIFT;
	unsigned long end = DIV_ROUND_UP(memblock_end(), PAGE_SIZE);
	u64 size = (end - start) * sizeof(struct page);
	unsigned long freed;

	mem_map_init(__va(memblock_alloc(size, PAGE_SIZE)), start, end);
	buddy_init();
	freed = memblock_free_all();
	printk("page_alloc: mem_map for pfns %lx-%lx (%lu KiB), %lu pages free\n",
	       start, end, (unsigned long)(size / 1024), freed);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone.free_pages);
}

unsigned long nr_free_blocks(unsigned int order)
{
	return order <= MAX_ORDER ? READ_ONCE(zone.free_area[order].nr_free) : 0;
}

unsigned long nr_managed_pages(void)
{
	return READ_ONCE(zone.managed_pages);
}

/* Check one free block of the given order at head; see the file comment. */
static bool check_free_block(struct page *head, unsigned int order)
{
	unsigned long pfn = page_to_pfn(head), i, buddy_pfn;

	if (!pfn_valid(pfn) || pfn + (1UL << order) > max_pfn) {
		printk("buddy_check: order-%u block at pfn %lx outside mem_map\n",
		       order, pfn);
		return false;
	}
	if (!IS_ALIGNED(pfn, 1UL << order)) {
		printk("buddy_check: order-%u block at pfn %lx misaligned\n",
		       order, pfn);
		return false;
	}
	if ((head->flags & ~BIT(PG_poisoned)) != BIT(PG_buddy) || head->order != order) {
		printk("buddy_check: pfn %lx on order-%u list: flags %lx order %u\n",
		       pfn, order, head->flags, head->order);
		return false;
	}
	for (i = 0; i < (1UL << order); i++) {
		struct page *p = head + i;

		if ((i && (p->flags & ~BIT(PG_poisoned))) || p->_refcount ||
		    p->_mapcount != -1) {
			printk("buddy_check: free pfn %lx: flags %lx ref %d map %d (overlap?)\n",
			       pfn + i, p->flags, p->_refcount, p->_mapcount);
			return false;
		}
	}
	buddy_pfn = pfn ^ (1UL << order);
	if (order < MAX_ORDER && pfn_valid(buddy_pfn) &&
	    PageFlag(pfn_to_page(buddy_pfn), PG_buddy) &&
	    pfn_to_page(buddy_pfn)->order == order) {
		printk("buddy_check: order-%u buddies %lx and %lx not merged\n",
		       order, pfn, buddy_pfn);
		return false;
	}
	return true;
}

bool buddy_check(void)
{
	unsigned long flags, total = 0, n;
	unsigned int o;
	struct page *page;
	bool ok = true;

	spin_lock_irqsave(&zone.lock, flags);
	for (o = 0; o <= MAX_ORDER && ok; o++) {
		n = 0;
		list_for_each_entry(page, &zone.free_area[o].free_list, lru) {
			if (!check_free_block(page, o)) {
				ok = false;
				break;
			}
			n++;
		}
		if (ok && n != zone.free_area[o].nr_free) {
			printk("buddy_check: order %u: %lu blocks listed, nr_free %lu\n",
			       o, n, zone.free_area[o].nr_free);
			ok = false;
		}
		total += n << o;
	}
	if (ok && total != zone.free_pages) {
		printk("buddy_check: %lu pages on lists, free_pages %lu\n",
		       total, zone.free_pages);
		ok = false;
	}
	spin_unlock_irqrestore(&zone.lock, flags);
	return ok;
}
