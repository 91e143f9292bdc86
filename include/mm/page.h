/*
 * struct page and struct folio.
 *
 * There is one struct page for every physical page frame between min_pfn and
 * max_pfn (mem_map[]). A folio is a naturally aligned block of 2^order pages
 * handed out by the buddy allocator; its first page (the head) holds the
 * per-folio state, every page keeps its own per-page state:
 *
 *   per page  : flags (PG_*, including PG_anon_exclusive), _mapcount,
 *               compound_head for tails; a page-table page (PG_pgtable,
 *               order 0, never on a free list) keeps its lock, ptl, in
 *               place of lru and compound_head
 *   per folio : _refcount, order, mapping, index, _pincount and
 *               _total_mapcount (in the head page)
 *
 * Anonymous folios (mm/rmap.c): mapping = anon_vma | PAGE_MAPPING_ANON, and
 * the folio holds a reference on that anon_vma until it is freed; index is
 * the linear page index (vma->vm_pgoff + page offset in the VMA) of the
 * folio's first page, the same in every VMA that maps it (fork, mremap).
 *
 * Reference rules: every PTE mapping a page holds one folio reference and
 * one mapcount of that page; every pin (mm/gup.c) holds one reference and
 * one _pincount. So refcount >= total mapcount + pincount always
 * (mm/debug_vm.c checks it). We count pins in a field of their own rather
 * than Linux's GUP_PIN_COUNTING_BIAS on the refcount, so the check is exact.
 *
 * struct folio overlays the head page, so a folio pointer and its head
 * page pointer are the same address (folio_page(folio, 0)).
 */
#ifndef MM_PAGE_H
#define MM_PAGE_H

#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <mm/arch.h>

/* Page flags (bit numbers in page->flags). */
enum pageflags {
	PG_reserved,	/* not managed by the buddy allocator (kernel, holes) */
	PG_buddy,	/* first page of a free buddy block; order in page->order */
	PG_head,	/* first page of an allocated folio of order > 0 */
	PG_tail,	/* other pages of such a folio; compound_head is set */
	PG_slab,	/* owned by the small-object allocator */
	PG_pgtable,	/* a page-table page */
	PG_locked,	/* folio lock: folio_lock() / folio_unlock() */
	PG_anon_exclusive, /* per page of an anon folio; see below */
	PG_poisoned,	/* free page filled with PAGE_POISON (mm/page_alloc.c) */
	__NR_PAGEFLAGS
};

struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;		/* free list while PG_buddy */
			struct page *compound_head;	/* tail pages: the head page */
		};
		spinlock_t ptl;		/* PG_pgtable: the table's lock, Linux's
					 * ptdesc->ptl (include/mm/pgtable.h) */
	};
	int _refcount;			/* head: references to the folio */
	int _mapcount;			/* per page: PTEs mapping it - 1 */
	int _pincount;			/* head: FOLL_PIN pins (mm/gup.c) */
	int _total_mapcount;		/* head: PTEs mapping any page of it */
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

static inline bool folio_try_get(struct folio *f)
{
	int old = __atomic_load_n(&f->page._refcount, __ATOMIC_RELAXED);

	do {
		if (old <= 0)
			return false;
	} while (!__atomic_compare_exchange_n(&f->page._refcount, &old, old + 1, false,
					      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
	return true;
}

/* --- mapcounts and pins (maintained by mm/rmap.c and mm/gup.c) --- */

/* PTEs that map this page. */
static inline int page_mapcount(const struct page *p)
{
	return __atomic_load_n(&p->_mapcount, __ATOMIC_RELAXED) + 1;
}
/* PTEs that map any page of the folio. */
static inline int folio_mapcount(const struct folio *f)
{
	return __atomic_load_n(&f->page._total_mapcount, __ATOMIC_RELAXED);
}
static inline bool folio_mapped(const struct folio *f)
{
	return folio_mapcount(f) > 0;
}
static inline int folio_pincount(const struct folio *f)
{
	return __atomic_load_n(&f->page._pincount, __ATOMIC_RELAXED);
}
/*
 * May the folio be pinned (DMA, vmsplice, gup_test)? Exact here (pins are
 * counted on their own), "maybe" in the name because Linux's is a guess.
 */
static inline bool folio_maybe_dma_pinned(const struct folio *f)
{
	return folio_pincount(f) > 0;
}

/* --- anonymous folios --- */
#define PAGE_MAPPING_ANON 0x1UL		/* low bit of folio->mapping */

static inline bool folio_test_anon(const struct folio *f)
{
	return (unsigned long)f->page.mapping & PAGE_MAPPING_ANON;
}
struct anon_vma;
static inline struct anon_vma *folio_anon_vma(const struct folio *f)
{
	if (!folio_test_anon(f))
		return NULL;
	return (struct anon_vma *)((unsigned long)f->page.mapping & ~PAGE_MAPPING_ANON);
}

/*
 * PG_anon_exclusive (per page, anonymous folios only), Linux's rules
 * (mm-semantics.md 3): a writable anonymous PTE implies its page is
 * exclusive; an exclusive page mapped read-only may be made writable
 * without copying; only exclusive pages may be pinned, and a pinned
 * page's bit is never cleared (fork copies such a page instead). The
 * page-table lock of the mapping PTE serialises changes to the bit;
 * lockless GUP re-checks the PTE after taking its pin.
 */
static inline bool PageAnonExclusive(const struct page *p)
{
	return PageFlag(p, PG_anon_exclusive);
}
static inline void SetPageAnonExclusive(struct page *p)
{
	SetPageFlag(p, PG_anon_exclusive);
}
static inline void ClearPageAnonExclusive(struct page *p)
{
	ClearPageFlag(p, PG_anon_exclusive);
}

/* --- the shared zero page (mm/memory.c) --- */
extern unsigned long zero_pfn;
static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn;
}

/* --- the folio lock (mm/filemap.c): PG_locked, sleepers on one wait queue --- */
static inline bool folio_test_locked(const struct folio *f)
{
	return PageFlag(&f->page, PG_locked);
}
/* Take the lock if it is free; true on success. Never sleeps. */
static inline bool folio_trylock(struct folio *f)
{
	return !(__atomic_fetch_or(&f->page.flags, 1UL << PG_locked, __ATOMIC_ACQUIRE) &
		 (1UL << PG_locked));
}
/* Sleep until the lock is ours. No spinlock may be held. */
void folio_lock(struct folio *f);
void folio_unlock(struct folio *f);

#endif
