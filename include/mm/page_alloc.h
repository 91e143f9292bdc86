/*
 * The buddy allocator (mm/page_alloc.c): naturally aligned blocks of
 * 2^order pages, order 0 .. MAX_ORDER, handed out as folios.
 */
#ifndef MM_PAGE_ALLOC_H
#define MM_PAGE_ALLOC_H

#include <mm/page.h>

#define MAX_ORDER 10		/* largest block: 2^10 pages = 4 MiB */
#define NR_ORDERS (MAX_ORDER + 1)

typedef unsigned int gfp_t;
#define GFP_KERNEL 0x0u
#define __GFP_ZERO 0x1u		/* fill the folio with zeroes */

/*
 * Allocate a folio of 2^order pages with refcount 1. Returns NULL when no
 * block of that order or larger is free, or when order > MAX_ORDER.
 * Order-0 folios are single pages (no PG_head).
 */
struct folio *folio_alloc(unsigned int order, gfp_t gfp);

/* Drop a reference; the last one returns the folio to the buddy allocator.
 * Panics on a folio whose refcount is already 0 (double free). */
void folio_put(struct folio *folio);

/* Free pages in total and free blocks of each order (for leak checks). */
unsigned long nr_free_pages(void);
unsigned long nr_free_blocks(unsigned int order);
unsigned long nr_managed_pages(void);

/*
 * Set-up: mem_map must cover [start_pfn, end_pfn) with every page marked
 * PG_reserved; buddy_free_range() then gives a range of free frames to the
 * allocator (used by memblock_free_all() and by host tests).
 */
void buddy_init(void);
void buddy_free_range(unsigned long start_pfn, unsigned long end_pfn);

/*
 * Point mem_map at map (end_pfn - start_pfn entries) covering
 * [start_pfn, end_pfn) and mark every page PG_reserved, unmapped, refcount 0.
 */
void mem_map_init(struct page *map, unsigned long start_pfn,
		  unsigned long end_pfn);

/*
 * The whole boot sequence once memblock knows all memory and the direct map
 * covers it: mem_map from memblock, mem_map_init(), buddy_init(), then
 * memblock_free_all(). memblock may not be used afterwards.
 */
void page_alloc_init(void);

/* Debug checker: validates every free list against mem_map and the
 * counters; prints the first problem and returns false. Takes the zone lock. */
bool buddy_check(void);

#endif
