/*
 * Anonymous reverse mapping: anon_vma objects and their chains, the
 * mapcount / PG_anon_exclusive bookkeeping of every map, unmap and fork,
 * and rmap_walk(). See include/mm/rmap.h for the picture.
 *
 * Invariants kept here (mm/debug_vm.c checks them):
 *  - page->_mapcount + 1 is the number of PTEs mapping the page, and the
 *    head's _total_mapcount their sum over the folio;
 *  - an anonymous folio's mapping is its anon_vma | PAGE_MAPPING_ANON, and
 *    every VMA that maps it is linked (by a chain) to that anon_vma: a
 *    child's VMA is linked to all of its parent VMA's anon_vmas, and a
 *    folio only moves to a more specific anon_vma (folio_move_anon_rmap)
 *    when this VMA is its only user;
 *  - an anon_vma lives while chains, children or folios refer to it.
 *
 * Locking: the root anon_vma's spinlock protects the chain lists of its
 * whole fork tree; it nests inside mmap_lock and outside the page-table
 * locks (docs/design.md). Mapcounts and flags change under the PTE lock
 * of the PTEs concerned, with atomics so lockless readers see whole values.
 * anon_vma_prepare() serialises on mm->page_table_lock, as Linux's does.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <mm/rmap.h>
#include <mm/slab.h>

unsigned long nr_anon_vmas;

static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *av = kzalloc(sizeof(*av), GFP_KERNEL);

	if (!av)
		return NULL;
	av->root = av;
	av->refcount = 1;
	spin_lock_init_rank(&av->lock, "anon_vma->lock", LOCK_RANK_ANON_VMA);
	INIT_LIST_HEAD(&av->head);
	__atomic_fetch_add(&nr_anon_vmas, 1, __ATOMIC_RELAXED);
	return av;
}

static void anon_vma_get(struct anon_vma *av)
{
	__atomic_fetch_add(&av->refcount, 1, __ATOMIC_RELAXED);
}

void anon_vma_put(struct anon_vma *av)
{
	struct anon_vma *parent;

	while (av && __atomic_sub_fetch(&av->refcount, 1, __ATOMIC_ACQ_REL) == 0) {
		if (!list_empty(&av->head))
			panic("anon_vma_put: freeing an anon_vma that VMAs still link\n");
		parent = av->parent;
		kfree(av);
		__atomic_fetch_sub(&nr_anon_vmas, 1, __ATOMIC_RELAXED);
		av = parent;
	}
}

/* Link vma to av through avc (which takes a reference on av). */
static void anon_vma_chain_link(struct vm_area_struct *vma, struct anon_vma_chain *avc,
				struct anon_vma *av)
{
	avc->vma = vma;
	avc->anon_vma = av;
	anon_vma_get(av);
	list_add_tail(&avc->same_vma, &vma->anon_vma_chain);
	spin_lock(&av->root->lock);
	list_add_tail(&avc->same_anon_vma, &av->head);
	spin_unlock(&av->root->lock);
}

int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct anon_vma_chain *avc;
	struct anon_vma *av;

	if (READ_ONCE(vma->anon_vma))
		return 0;
	av = anon_vma_alloc();
	avc = kmalloc(sizeof(*avc), GFP_KERNEL);
	if (!av || !avc) {
		kfree(avc);
		anon_vma_put(av);
		return -ENOMEM;
	}
	/*
	 * Two faults on this VMA (mmap_lock read) may race: the first wins,
	 * under page_table_lock. av is not visible to anyone else yet, so its
	 * list needs no anon_vma lock (which nests outside page_table_lock).
	 */
	spin_lock(&mm->page_table_lock);
	if (!vma->anon_vma) {
		avc->vma = vma;
		avc->anon_vma = av;
		list_add_tail(&avc->same_vma, &vma->anon_vma_chain);
		list_add_tail(&avc->same_anon_vma, &av->head);
		WRITE_ONCE(vma->anon_vma, av);	/* the chain's reference */
		av = NULL;
		avc = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	kfree(avc);
	anon_vma_put(av);
	return 0;
}

int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *pavc, *avc;

	INIT_LIST_HEAD(&dst->anon_vma_chain);
	dst->anon_vma = NULL;
	list_for_each_entry(pavc, &src->anon_vma_chain, same_vma) {
		avc = kmalloc(sizeof(*avc), GFP_KERNEL);
		if (!avc) {
			unlink_anon_vmas(dst);
			return -ENOMEM;
		}
		anon_vma_chain_link(dst, avc, pavc->anon_vma);
	}
	dst->anon_vma = src->anon_vma;
	return 0;
}

int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *av;

	if (anon_vma_clone(vma, pvma))
		return -ENOMEM;
	if (!pvma->anon_vma)
		return 0;		/* nothing faulted in yet: prepare later */
	av = anon_vma_alloc();
	avc = kmalloc(sizeof(*avc), GFP_KERNEL);
	if (!av || !avc) {
		kfree(avc);
		anon_vma_put(av);
		unlink_anon_vmas(vma);
		return -ENOMEM;
	}
	av->root = pvma->anon_vma->root;
	av->parent = pvma->anon_vma;
	anon_vma_get(av->parent);
	anon_vma_chain_link(vma, avc, av);
	vma->anon_vma = av;
	anon_vma_put(av);		/* the chain holds it */
	return 0;
}

void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;
	struct anon_vma *av;

	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		av = avc->anon_vma;
		spin_lock(&av->root->lock);
		list_del(&avc->same_anon_vma);
		spin_unlock(&av->root->lock);
		list_del(&avc->same_vma);
		kfree(avc);
		anon_vma_put(av);
	}
	vma->anon_vma = NULL;
}

/* --- mapcounts and exclusive bits --- */

static void add_mapcounts(struct folio *folio, struct page *page, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		__atomic_fetch_add(&page[i]._mapcount, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&folio->page._total_mapcount, (int)nr, __ATOMIC_RELAXED);
}

/* Point folio at av (taking a reference), dropping its old anon_vma. */
static void folio_set_anon_vma(struct folio *folio, struct anon_vma *av)
{
	struct anon_vma *old = folio_anon_vma(folio);

	anon_vma_get(av);
	WRITE_ONCE(folio->page.mapping, (void *)((unsigned long)av | PAGE_MAPPING_ANON));
	anon_vma_put(old);
}

void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long addr)
{
	unsigned long i, nr = folio_nr_pages(folio);

	folio->page.index = linear_page_index(vma, addr);
	folio_set_anon_vma(folio, vma->anon_vma);
	for (i = 0; i < nr; i++)
		SetPageAnonExclusive(folio_page(folio, i));
	add_mapcounts(folio, folio_page(folio, 0), (unsigned int)nr);
}

void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr,
			      bool exclusive)
{
	unsigned int i;

	if (exclusive)
		for (i = 0; i < nr; i++)
			SetPageAnonExclusive(page + i);
	add_mapcounts(folio, page, nr);
}

void folio_remove_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (__atomic_sub_fetch(&page[i]._mapcount, 1, __ATOMIC_RELAXED) < -1)
			panic("folio_remove_rmap_ptes: pfn %lx mapcount below 0\n",
			      page_to_pfn(page + i));
	__atomic_fetch_sub(&folio->page._total_mapcount, (int)nr, __ATOMIC_RELAXED);
}

int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, unsigned int nr)
{
	unsigned int i;

	/*
	 * Pairs with the barrier in lockless GUP between taking a pin and
	 * re-checking mm->write_protect_seq: either it sees fork running and
	 * backs off, or we see its pin here and copy.
	 */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (i = 0; i < nr; i++)
		if (PageAnonExclusive(page + i) && folio_maybe_dma_pinned(folio))
			return -EBUSY;
	for (i = 0; i < nr; i++)
		ClearPageAnonExclusive(page + i);
	add_mapcounts(folio, page, nr);
	return 0;
}

void folio_move_anon_rmap(struct folio *folio, struct vm_area_struct *vma)
{
	if (folio_anon_vma(folio) != vma->anon_vma)
		folio_set_anon_vma(folio, vma->anon_vma);
}

bool rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	struct anon_vma *av = folio_anon_vma(folio);
	struct anon_vma_chain *avc;
	unsigned long addr, index = folio->page.index;
	bool more = true;

	if (!av)
		return true;
	spin_lock(&av->root->lock);
	list_for_each_entry(avc, &av->head, same_anon_vma) {
		struct vm_area_struct *vma = avc->vma;

		if (index < vma->vm_pgoff)
			continue;
		addr = vma->vm_start + ((index - vma->vm_pgoff) << PAGE_SHIFT);
		if (addr >= vma->vm_end)
			continue;
		more = rwc->rmap_one(folio, vma, addr, rwc->arg);
		if (!more)
			break;
	}
	spin_unlock(&av->root->lock);
	return more;
}
