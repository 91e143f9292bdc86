/*
 * kmalloc/kfree: small objects in power-of-two size classes (16 .. 2048
 * bytes), each class a cache of slabs; larger requests get whole folios.
 *
 * A slab is one order-0 page marked PG_slab, cut into objects of the cache's
 * size (so every object is aligned to its size). Its struct page holds:
 *
 *   mapping   the struct kmem_cache it belongs to
 *   lru       its place on the cache's partial / full / empty list
 *   private   the first free object (free objects link through their
 *             first word; NULL ends the list)
 *   index     objects in use
 *
 * A large kmalloc is a folio whose head is PG_slab with mapping == NULL.
 * kfree() tells the two apart from the page the pointer falls in, which is
 * what makes it cheap to catch pointers kmalloc never returned.
 *
 * Free objects are filled with SLAB_POISON (after the link word) and
 * checked when handed out again, which reports writes after kfree(). A
 * kfree() of an object whose second word holds the poison confirms a
 * double free by walking the slab's free list.
 *
 * Each cache keeps at most one empty slab; further empty slabs go back to
 * the buddy allocator, and kmalloc_shrink() releases the spare ones too.
 *
 * Locking: one spinlock per cache (irqsave) protects its lists and every
 * slab on them. Lock order: cache lock, then the buddy zone lock.
 */
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <mm/slab.h>

#define KMALLOC_MIN_SHIFT 4		/* 16 bytes: a link and a poison word */
#define KMALLOC_MAX_SHIFT 11		/* 2048 bytes: two objects per page */
#define NR_KMALLOC_CACHES (KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_MAX_SHIFT)
#define SLAB_POISON 0x6b6b6b6b6b6b6b6bULL	/* fills free objects */

struct kmem_cache {
	spinlock_t lock;
	unsigned int size;		/* object size, a power of two */
	unsigned int objs_per_slab;
	struct list_head partial;	/* slabs with used and free objects */
	struct list_head full;		/* slabs with no free object */
	struct list_head empty;		/* at most one slab with none in use */
	char name[16];			/* "kmalloc-<size>" */
};

static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];

void kmalloc_init(void)
{
	unsigned int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++) {
		struct kmem_cache *c = &kmalloc_caches[i];

		c->size = 1U << (KMALLOC_MIN_SHIFT + i);
		c->objs_per_slab = PAGE_SIZE / c->size;
		snprintf(c->name, sizeof(c->name), "kmalloc-%u", c->size);
		spin_lock_init(&c->lock, c->name);
		INIT_LIST_HEAD(&c->partial);
		INIT_LIST_HEAD(&c->full);
		INIT_LIST_HEAD(&c->empty);
	}
}

/* The smallest cache whose objects hold size bytes (size <= 2048). */
static struct kmem_cache *kmalloc_cache(size_t size)
{
	unsigned int shift = KMALLOC_MIN_SHIFT;

	while ((1UL << shift) < size)
		shift++;
	return &kmalloc_caches[shift - KMALLOC_MIN_SHIFT];
}

/* Mark a free object: poison all of it but the link word. */
static void poison_object(struct kmem_cache *c, void *obj)
{
	u64 *w = obj;
	unsigned int i;

	for (i = 1; i < c->size / sizeof(u64); i++)
		w[i] = SLAB_POISON;
}

/* Panic if a free object about to be handed out was written while free. */
static void check_object_poison(struct kmem_cache *c, const void *obj)
{
	const u64 *w = obj;
	unsigned int i;

	for (i = 1; i < c->size / sizeof(u64); i++)
		if (w[i] != SLAB_POISON)
			panic("kmalloc: %s object %p written after free (offset %u)\n",
			      c->name, obj, (unsigned int)(i * sizeof(u64)));
}

/*
 * Get a fresh page from the buddy allocator and thread all its objects on
 * its free list. Returns NULL when memory is exhausted. Cache lock held.
 */
static struct page *new_slab(struct kmem_cache *c)
{
	struct folio *folio = folio_alloc(0, GFP_KERNEL);
	struct page *page;
	char *base;
	unsigned int i;

	if (!folio)
		return NULL;
	page = &folio->page;
	base = folio_address(folio);
	for (i = 0; i < c->objs_per_slab; i++) {
		void *next = i + 1 < c->objs_per_slab ? base + (i + 1) * c->size : NULL;

		*(void **)(base + i * c->size) = next;
		poison_object(c, base + i * c->size);
	}
	page->private = (unsigned long)base;
	page->index = 0;
	page->mapping = c;
	SetPageFlag(page, PG_slab);
	return page;
}

/* Give an empty slab, already off every list, back to the buddy
 * allocator. Cache lock held. */
static void discard_slab(struct page *page)
{
	ClearPageFlag(page, PG_slab);
	page->mapping = NULL;
	folio_put(page_folio(page));
}

static void *slab_alloc(struct kmem_cache *c, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void *obj;

	BUG_ON(!c->objs_per_slab);	/* kmalloc before kmalloc_init */
	spin_lock_irqsave(&c->lock, flags);
	if (!list_empty(&c->partial)) {
		page = list_first_entry(&c->partial, struct page, lru);
		list_del(&page->lru);
	} else if (!list_empty(&c->empty)) {
		page = list_first_entry(&c->empty, struct page, lru);
		list_del(&page->lru);
	} else {
		page = new_slab(c);
		if (!page) {
			spin_unlock_irqrestore(&c->lock, flags);
			return NULL;
		}
	}
	obj = (void *)page->private;
	check_object_poison(c, obj);
	page->private = (unsigned long)*(void **)obj;
	page->index++;
	list_add(&page->lru, page->index == c->objs_per_slab ? &c->full : &c->partial);
	spin_unlock_irqrestore(&c->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

/* Is obj on page's free list? Cache lock held. */
static bool slab_obj_is_free(struct page *page, const void *obj)
{
	const void *p;

	for (p = (void *)page->private; p; p = *(void *const *)p)
		if (p == obj)
			return true;
	return false;
}

/*
 * Return obj to its slab. Panics if obj is not the start of an object or
 * is already free. An emptied slab becomes the cache's spare, or goes back
 * to the buddy allocator if there already is one.
 */
static void slab_free(struct kmem_cache *c, struct page *page, void *obj)
{
	unsigned long offset = (unsigned long)obj & (PAGE_SIZE - 1), flags;

	if (offset % c->size || offset / c->size >= c->objs_per_slab)
		panic("kfree: %p is not an object of %s\n", obj, c->name);
	spin_lock_irqsave(&c->lock, flags);
	if (((u64 *)obj)[1] == SLAB_POISON && slab_obj_is_free(page, obj))
		panic("kfree: double free of %p (%s)\n", obj, c->name);
	poison_object(c, obj);
	*(void **)obj = (void *)page->private;
	page->private = (unsigned long)obj;
	page->index--;
	list_del(&page->lru);
	if (page->index) {
		list_add(&page->lru, &c->partial);
	} else if (list_empty(&c->empty)) {
		list_add(&page->lru, &c->empty);
	} else {
		discard_slab(page);
	}
	spin_unlock_irqrestore(&c->lock, flags);
}

/* A whole folio for sizes above the largest class; NULL if too large. */
static void *large_kmalloc(size_t size, gfp_t gfp)
{
	unsigned int order = 0;
	struct folio *folio;

	while ((PAGE_SIZE << order) < size) {
		if (++order > MAX_ORDER)
			return NULL;
	}
	folio = folio_alloc(order, gfp);
	if (!folio)
		return NULL;
	SetPageFlag(&folio->page, PG_slab);	/* with mapping NULL: large */
	return folio_address(folio);
}

/*
 * Allocate size bytes aligned to the size class (at least 16 bytes).
 * Returns NULL when memory is exhausted or size exceeds 4 MiB; size 0 gets
 * a smallest-class object. May be called with interrupts disabled.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return large_kmalloc(size, gfp);
	return slab_alloc(kmalloc_cache(size), gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/*
 * Free what kmalloc returned; kfree(NULL) does nothing. Panics on a
 * pointer kmalloc did not return (outside RAM, not in a kmalloc page, not
 * the start of an object) and on a double free.
 */
void kfree(const void *p)
{
	unsigned long pfn;
	struct page *page;

	if (!p)
		return;
	pfn = __pa(p) >> PAGE_SHIFT;
	if (!pfn_valid(pfn))
		panic("kfree: %p is outside mem_map\n", p);
	page = pfn_to_page(pfn);
	if (!PageFlag(page, PG_slab))
		panic("kfree: %p was not allocated by kmalloc (or is freed)\n", p);
	if (page->mapping) {
		slab_free(page->mapping, page, (void *)p);
		return;
	}
	if (p != page_address(page))
		panic("kfree: %p is inside a large kmalloc\n", p);
	ClearPageFlag(page, PG_slab);
	folio_put(page_folio(page));
}

/* Return every cache's spare empty slab to the buddy allocator. */
void kmalloc_shrink(void)
{
	unsigned int i;
	unsigned long flags;

	for (i = 0; i < NR_KMALLOC_CACHES; i++) {
		struct kmem_cache *c = &kmalloc_caches[i];

		spin_lock_irqsave(&c->lock, flags);
		while (!list_empty(&c->empty)) {
			struct page *page = list_first_entry(&c->empty, struct page, lru);

			list_del(&page->lru);
			discard_slab(page);
		}
		spin_unlock_irqrestore(&c->lock, flags);
	}
}
