/*
 * struct page and struct folio.
 *
 * There is one struct page for every physical page frame between min_pfn and
 * max_pfn (mem_map[]). A folio is a naturally aligned block of 2^order pages
 * handed out by the buddy allocator; its first page (the head) holds the
 * per-folio state, every page keeps its own per-page state:
 *
 *   per page  : flags (PG_*), _mapcount (later), compound_head for tails
 *   per folio : _refcount, order, mapping, index (in the head page)
 *
 * struct folio overlays the head page, so a folio pointer and its head
 * page pointer are the same address (folio_page(folio, 0)).
 */
#ifndef MM_PAGE_H
#define MM_PAGE_H

#include <kernel/list.h>
#include <mm/arch.h>

/* Page flags (bit numbers in page->flags). */
enum pageflags {
	PG_reserved,	/* not managed by the buddy allocator (kernel, holes) */
	PG_buddy,	/* first page of a free buddy block; order in page->order */
	PG_head,	/* first page of an allocated folio of order > 0 */
	PG_tail,	/* other pages of such a folio; compound_head is set */
	PG_slab,	/* owned by the small-object allocator */
	PG_pgtable,	/* a page-table page */
	PG_locked,	/* folio lock (later issues) */
	PG_anon_exclusive, /* per page; see mm/rmap.c (later issues) */
	PG_poisoned,	/* free page filled with PAGE_POISON (mm/page_alloc.c) */
	__NR_PAGEFLAGS
};

struct page {
	unsigned long flags;
	struct list_head lru;		/* free list while PG_buddy */
	struct page *compound_head;	/* tail pages: the head page */
	int _refcount;			/* head: references to the folio */
	int _mapcount;			/* per page: mappings - 1 (later) */
	u8 order;			/* PG_buddy / head: order of the block */
	void *mapping;			/* head: owner (anon_vma, slab cache) */
	unsigned long index;		/* head: owner-defined */
	unsigned long private;		/* head: owner-defined */
};

struct folio {
	struct page page;		/* the head page */
};

extern struct page *mem_map;
extern unsigned long min_pfn, max_pfn;	/* mem_map covers [min_pfn, max_pfn) */

static inline bool PageFlag(const struct page *p, enum pageflags f)
{
	return __atomic_load_n(&p->flags, __ATOMIC_RELAXED) & (1UL << f);
}
static inline void SetPageFlag(struct page *p, enum pageflags f)
{
	__atomic_fetch_or(&p->flags, 1UL << f, __ATOMIC_RELAXED);
}
static inline void ClearPageFlag(struct page *p, enum pageflags f)
{
	__atomic_fetch_and(&p->flags, ~(1UL << f), __ATOMIC_RELAXED);
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= min_pfn && pfn < max_pfn;
}
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - min_pfn);
}
static inline unsigned long page_to_pfn(const struct page *p)
{
	return (unsigned long)(p - mem_map) + min_pfn;
}
static inline phys_addr_t page_to_phys(const struct page *p)
{
	return (phys_addr_t)page_to_pfn(p) << PAGE_SHIFT;
}
static inline void *page_address(const struct page *p)
{
	return __va(page_to_phys(p));
}
static inline struct page *virt_to_page(const void *va)
{
	return pfn_to_page(__pa(va) >> PAGE_SHIFT);
}

static inline struct page *compound_head(struct page *p)
{
	return PageFlag(p, PG_tail) ? p->compound_head : p;
}
static inline struct folio *page_folio(struct page *p)
{
	return (struct folio *)compound_head(p);
}
static inline struct page *folio_page(struct folio *f, unsigned long n)
{
	return &f->page + n;
}
static inline unsigned int folio_order(const struct folio *f)
{
	return PageFlag(&f->page, PG_head) ? f->page.order : 0;
}
static inline unsigned long folio_nr_pages(const struct folio *f)
{
	return 1UL << folio_order(f);
}
static inline unsigned long folio_pfn(const struct folio *f)
{
	return page_to_pfn(&f->page);
}
static inline void *folio_address(const struct folio *f)
{
	return page_address(&f->page);
}
static inline int folio_ref_count(const struct folio *f)
{
	return __atomic_load_n(&f->page._refcount, __ATOMIC_RELAXED);
}
static inline void folio_get(struct folio *f)
{
	__atomic_fetch_add(&f->page._refcount, 1, __ATOMIC_RELAXED);
}

#endif
