/*
 * Reverse mapping of anonymous memory (mm/rmap.c): from a folio to every
 * (VMA, address) that may map it, and the per-page mapcount / exclusive
 * bookkeeping that every map, unmap and fork goes through.
 *
 *   VMA --anon_vma_chain--> anon_vma (one per VMA that faulted pages in,
 *   plus one for each of its fork children)
 *
 * A VMA is linked (through struct anon_vma_chain) to its own anon_vma and
 * to every anon_vma of its fork ancestors, so a folio pointing to the
 * parent's anon_vma is found in the children too (Linux's design without
 * the interval tree: each anon_vma keeps a plain list of chains). All
 * anon_vmas of one fork tree share the root's lock.
 *
 * Lifetime: an anon_vma holds a reference for each chain linking it, each
 * child anon_vma and each folio whose mapping points to it; the last
 * anon_vma_put() frees it and drops its parent.
 *
 * Functions taking (folio, page, nr) handle nr consecutive pages of one
 * folio mapped by nr consecutive PTEs: today nr is 1, large folios (next
 * issue) pass more. Callers hold the page-table lock of those PTEs.
 */
#ifndef MM_RMAP_H
#define MM_RMAP_H

#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <mm/mm_types.h>
#include <mm/page.h>

struct anon_vma {
	struct anon_vma *root;		/* root of the fork tree: owns the lock */
	struct anon_vma *parent;	/* the anon_vma this one was forked from */
	spinlock_t lock;		/* root's: protects every chain list below */
	int refcount;			/* chains + children + folios */
	struct list_head head;		/* anon_vma_chain.same_anon_vma */
};

struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* on vma->anon_vma_chain */
	struct list_head same_anon_vma;	/* on anon_vma->head */
};

/* anon_vma objects that exist (leak check). */
extern unsigned long nr_anon_vmas;

/*
 * Give vma an anon_vma (a new one) if it has none yet, before its first
 * anon folio is mapped. mmap_lock held (read is enough: the page-table
 * lock of the mm serialises two faults racing here). Returns 0 or -ENOMEM.
 */
int anon_vma_prepare(struct vm_area_struct *vma);
/*
 * dst (a copy of src: split, mremap move) gets chains to every anon_vma src
 * is linked to, and src's anon_vma. mmap_lock held for writing. 0 or -ENOMEM
 * (then dst has no chains and no anon_vma).
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
/*
 * fork: the child's vma (a copy of pvma) is linked to all of pvma's
 * anon_vmas and gets a new anon_vma of its own, a child of pvma's.
 * 0 or -ENOMEM (vma then has nothing linked).
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
/* Unlink vma from every anon_vma (munmap, exit, merge). mmap_lock held. */
void unlink_anon_vmas(struct vm_area_struct *vma);
/* Drop a reference; the last frees it (and drops its parent). NULL is ok. */
void anon_vma_put(struct anon_vma *anon_vma);

/* The linear page index of addr in vma (folio->index of a page mapped there). */
static inline unsigned long linear_page_index(const struct vm_area_struct *vma,
					      unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * A new anon folio (refcount held for nr mappings by the caller), about to
 * be mapped at addr of vma in full: it points to vma->anon_vma (which
 * anon_vma_prepare() made), every page mapcount 1 and exclusive.
 */
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long addr);
/*
 * nr pages of an anon folio already pointing to an anon_vma get one more
 * mapping each (mremap of a live PTE does not need this: it moves one).
 * exclusive: set PG_anon_exclusive on them (the folio came back exclusive).
 */
void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr,
			      bool exclusive);
/*
 * nr pages of folio lose one mapping each. The caller drops the folio
 * references after the TLB flush.
 */
void folio_remove_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr);
/*
 * fork: the nr pages will be mapped by the child too. Fails (-EBUSY, with
 * nothing changed) if any of them is exclusive and the folio may be pinned:
 * the child must get a copy. Otherwise clears PG_anon_exclusive on each and
 * adds one mapping each; the caller write-protects both PTEs.
 */
int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr);
/*
 * A write fault reuses a folio this mm is the only user of: make it point
 * to vma's anon_vma (the most specific one) and the page exclusive.
 * Folio lock held.
 */
void folio_move_anon_rmap(struct folio *folio, struct vm_area_struct *vma);

/*
 * Call fn(folio, vma, addr, arg) for every VMA that may map the folio
 * (linked to its anon_vma), at the address where the folio's first page
 * would be; fn returns false to stop. The caller holds the folio lock and
 * keeps the folio referenced; the root anon_vma lock is held around fn,
 * so fn may take a page-table lock but not sleep. Returns false if fn
 * stopped the walk.
 */
struct rmap_walk_control {
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma, unsigned long addr,
			 void *arg);
	void *arg;
};
bool rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);

#endif
