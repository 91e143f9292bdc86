/*
 * Host tests of the anon rmap bookkeeping (mm/rmap.c) on fake VMAs and
 * folios: anon_vma chains through prepare, split and fork, rmap_walk
 * finding every VMA that may map a folio, mapcounts and exclusive bits
 * through add / dup / remove, and anon_vma lifetimes (AddressSanitizer
 * reports any anon_vma or chain leaked or used after free).
 */
#include <stdlib.h>
#include <string.h>

#include <kernel/errno.h>
#include <mm/rmap.h>
#include <mm/slab.h>

#include "../../mm/vma.h"
#include "fake_mm.h"
#include "host.h"

static bool count_one(struct folio *folio, struct vm_area_struct *vma, unsigned long addr,
		      void *arg)
{
	(void)folio;
	(void)vma;
	((unsigned long *)arg)[0]++;
	((unsigned long *)arg)[1] = addr;
	return true;
}

static unsigned long walk(struct folio *folio, unsigned long *last_addr)
{
	unsigned long res[2] = { 0, 0 };
	struct rmap_walk_control rwc = { count_one, res };

	rmap_walk(folio, &rwc);
	*last_addr = res[1];
	return res[0];
}

/* A fake order-0 folio (the struct page alone is enough for rmap.c). */
static struct folio *new_folio(void)
{
	struct folio *f = calloc(1, sizeof(*f));

	f->page._mapcount = -1;
	f->page._refcount = 1;
	return f;
}

static void free_folio(struct folio *f)
{
	anon_vma_put(folio_anon_vma(f));
	free(f);
}

#define BASE 0x10000000UL
#define PG 4096UL

TEST(rmap_new_folio_is_exclusive_and_found)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma;
	struct folio *f = new_folio();
	unsigned long addr;

	CHECK(!vma_map_anon(mm, BASE, BASE + 16 * PG, VM_READ | VM_WRITE, NULL), "map");
	vma = find_vma(mm, BASE);
	CHECK(!anon_vma_prepare(vma) && vma->anon_vma, "prepare");
	folio_add_new_anon_rmap(f, vma, BASE + 3 * PG);
	CHECK(folio_test_anon(f) && folio_anon_vma(f) == vma->anon_vma, "mapping");
	CHECK(PageAnonExclusive(&f->page) && page_mapcount(&f->page) == 1 &&
	      folio_mapcount(f) == 1, "exclusive, mapped once");
	CHECK(walk(f, &addr) == 1 && addr == BASE + 3 * PG, "walk finds it at %lx", addr);
	folio_remove_rmap_ptes(f, &f->page, 1);
	CHECK(page_mapcount(&f->page) == 0 && folio_mapcount(f) == 0, "unmapped");
	free_mm(mm);
	CHECK(nr_anon_vmas == 1, "the folio keeps its anon_vma (%lu)", nr_anon_vmas);
	free_folio(f);
	CHECK(nr_anon_vmas == 0, "freed with the folio (%lu)", nr_anon_vmas);
}

TEST(rmap_split_keeps_both_halves_linked)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma;
	struct folio *f = new_folio();
	unsigned long addr;

	vma_map_anon(mm, BASE, BASE + 16 * PG, VM_READ | VM_WRITE, NULL);
	vma = find_vma(mm, BASE);
	anon_vma_prepare(vma);
	folio_add_new_anon_rmap(f, vma, BASE + 12 * PG);
	CHECK(!split_vma(mm, vma, BASE + 8 * PG), "split");
	vma = find_vma(mm, BASE + 12 * PG);
	CHECK(vma->vm_start == BASE + 8 * PG && vma->anon_vma == folio_anon_vma(f), "right half");
	CHECK(linear_page_index(vma, BASE + 12 * PG) == f->page.index, "index still matches");
	CHECK(walk(f, &addr) == 1 && addr == BASE + 12 * PG, "only the right half maps it");
	folio_remove_rmap_ptes(f, &f->page, 1);
	free_mm(mm);
	free_folio(f);
	CHECK(nr_anon_vmas == 0, "nothing left (%lu)", nr_anon_vmas);
}

TEST(rmap_fork_chain_is_followed_and_dup_clears_exclusive)
{
	struct mm_struct *parent = new_mm(), *child = new_mm(), *grandchild = new_mm();
	struct vm_area_struct *pv, *cv, *gv;
	struct folio *f = new_folio(), *g = new_folio();
	unsigned long addr;

	vma_map_anon(parent, BASE, BASE + 4 * PG, VM_READ | VM_WRITE, NULL);
	pv = find_vma(parent, BASE);
	anon_vma_prepare(pv);
	folio_add_new_anon_rmap(f, pv, BASE);

	cv = vm_area_dup(pv);
	cv->vm_mm = child;
	CHECK(!anon_vma_fork(cv, pv), "fork");
	vma_link(child, cv);
	CHECK(cv->anon_vma && cv->anon_vma != pv->anon_vma &&
	      cv->anon_vma->parent == pv->anon_vma, "child has its own anon_vma");
	CHECK(!folio_try_dup_anon_rmap_ptes(f, &f->page, 1), "dup");
	CHECK(!PageAnonExclusive(&f->page) && page_mapcount(&f->page) == 2, "shared twice");
	CHECK(walk(f, &addr) == 2, "walk finds parent and child");

	/* A page the child faults in later is not the parent's business. */
	folio_add_new_anon_rmap(g, cv, BASE + PG);
	CHECK(walk(g, &addr) == 1, "child's own folio: one VMA");

	gv = vm_area_dup(cv);
	gv->vm_mm = grandchild;
	anon_vma_fork(gv, cv);
	vma_link(grandchild, gv);
	CHECK(walk(f, &addr) == 3, "grandchild found through the chain");
	CHECK(walk(g, &addr) == 2, "child's folio: child and grandchild");

	f->page._pincount = 1;
	SetPageAnonExclusive(&g->page);
	g->page._pincount = 1;
	CHECK(folio_try_dup_anon_rmap_ptes(g, &g->page, 1) == -EBUSY &&
	      PageAnonExclusive(&g->page) && page_mapcount(&g->page) == 1,
	      "a pinned exclusive page is not shared");
	f->page._pincount = g->page._pincount = 0;

	folio_remove_rmap_ptes(f, &f->page, 1);
	folio_remove_rmap_ptes(f, &f->page, 1);
	folio_remove_rmap_ptes(g, &g->page, 1);
	free_mm(grandchild);
	free_mm(child);
	free_mm(parent);
	free_folio(f);
	free_folio(g);
	CHECK(nr_anon_vmas == 0, "every anon_vma freed (%lu)", nr_anon_vmas);
}
