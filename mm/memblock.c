/*
 * memblock: the boot-time view of physical memory, and the allocator used
 * before mem_map and the buddy allocator exist.
 *
 * Two small sorted arrays of ranges: "memory" (RAM the boot loader
 * reported) and "reserved" (parts of it in use: kernel image, initrd, DTB,
 * and everything memblock_alloc() handed out). Within each array ranges
 * are sorted by base, disjoint and never adjacent: memblock_add_range()
 * merges a new range with every range it overlaps or touches.
 *
 * memblock_alloc() carves from the top of the highest free part of memory
 * below the limit (what the early page tables map), like Linux's default
 * top-down policy. memblock_free_all() ends memblock's life: it hands
 * every page of memory not touched by a reserved range to the buddy
 * allocator; after it, memblock_alloc() panics.
 *
 * Runs single-threaded at boot: no locking.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/page_alloc.h>

#define MEMBLOCK_MAX_REGIONS 64
#define PFN_UP(pa) ((unsigned long)(((pa) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(pa) ((unsigned long)((pa) >> PAGE_SHIFT))

struct memblock_region {
	phys_addr_t base;
	u64 size;
};

struct memblock_type {
	const char *name;
	int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

static struct memblock_type memory = { .name = "memory" };
static struct memblock_type reserved = { .name = "reserved" };
static phys_addr_t alloc_limit = ~(phys_addr_t)0;
static bool memblock_released;	/* memblock_free_all() has run */

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/*
 * Add [base, base + size) to t, merging it with every region it overlaps
 * or touches so that t stays sorted, disjoint and non-adjacent. Panics when
 * the array is full or after memblock_free_all().
 */
static void memblock_add_range(struct memblock_type *t, phys_addr_t base,
			       u64 size)
{
	phys_addr_t end = base + size;
	int i, j;

	if (memblock_released)
		panic("memblock: %s range added after memblock_free_all\n", t->name);
	if (!size)
		return;
	if (end < base)		/* wraps: clip to the top of the address space */
		end = ~(phys_addr_t)0;
	for (i = 0; i < t->cnt && region_end(&t->regions[i]) < base; i++)
		;
	for (j = i; j < t->cnt && t->regions[j].base <= end; j++) {
		base = MIN(base, t->regions[j].base);
		end = MAX(end, region_end(&t->regions[j]));
	}
	/* regions [i, j) are swallowed by the new one, which goes at i */
	if (i == j) {
		if (t->cnt == MEMBLOCK_MAX_REGIONS)
			panic("memblock: too many %s ranges\n", t->name);
		memmove(&t->regions[i + 1], &t->regions[i],
			(t->cnt - i) * sizeof(t->regions[0]));
		t->cnt++;
	} else {
		memmove(&t->regions[i + 1], &t->regions[j],
			(t->cnt - j) * sizeof(t->regions[0]));
		t->cnt -= j - i - 1;
	}
	t->regions[i].base = base;
	t->regions[i].size = end - base;
}

void memblock_add(phys_addr_t base, u64 size)
{
	memblock_add_range(&memory, base, size);
}

void memblock_reserve(phys_addr_t base, u64 size)
{
	memblock_add_range(&reserved, base, size);
}

void memblock_set_limit(phys_addr_t limit)
{
	alloc_limit = limit;
}

/* The first reserved range overlapping [base, base + size), or NULL. */
static const struct memblock_region *reserved_overlap(phys_addr_t base, u64 size)
{
	int i;

	for (i = 0; i < reserved.cnt; i++) {
		const struct memblock_region *r = &reserved.regions[i];

		if (r->base < base + size && region_end(r) > base)
			return r;
	}
	return NULL;
}

/*
 * Find the highest align-aligned free range of size bytes below the limit,
 * reserve it, zero it through the direct map and return its physical
 * address. align must be a power of two. Panics if nothing fits.
 */
phys_addr_t memblock_alloc(u64 size, u64 align)
{
	int i;

	if (memblock_released)
		panic("memblock_alloc: called after memblock_free_all\n");
	if (!size || !align || (align & (align - 1)))
		panic("memblock_alloc: bad size %llx or align %llx\n",
		      (unsigned long long)size, (unsigned long long)align);
	for (i = memory.cnt - 1; i >= 0; i--) {
		phys_addr_t base = memory.regions[i].base;
		phys_addr_t top = MIN(region_end(&memory.regions[i]), alloc_limit);

		/* Slide down past every reserved range the candidate hits. */
		while (top > base && top - base >= size) {
			phys_addr_t start = ALIGN_DOWN(top - size, align);
			const struct memblock_region *r;

			if (start < base)
				break;
			r = reserved_overlap(start, size);
			if (!r) {
				memblock_reserve(start, size);
				memset(__va(start), 0, size);
				return start;
			}
			top = r->base;
		}
	}
	panic("memblock_alloc: no %llx bytes aligned to %llx below %llx\n",
	      (unsigned long long)size, (unsigned long long)align,
	      (unsigned long long)alloc_limit);
}

phys_addr_t memblock_start(void)
{
	return memory.cnt ? memory.regions[0].base : 0;
}

phys_addr_t memblock_end(void)
{
	return memory.cnt ? region_end(&memory.regions[memory.cnt - 1]) : 0;
}

bool memblock_mem_range(int i, phys_addr_t *base, u64 *size)
{
	if (i < 0 || i >= memory.cnt)
		return false;
	*base = memory.regions[i].base;
	*size = memory.regions[i].size;
	return true;
}

/* Free the pfns [start, end) clipped to mem_map; returns how many. */
static unsigned long free_pfn_range(unsigned long start, unsigned long end)
{
	start = MAX(start, min_pfn);
	end = MIN(end, max_pfn);
	if (start >= end)
		return 0;
	buddy_free_range(start, end);
	return end - start;
}

/*
 * Hand every whole page of memory that no reserved range touches to the
 * buddy allocator (mem_map and buddy_init() must be ready). Pages partly
 * reserved stay reserved. Returns the number of pages freed.
 */
unsigned long memblock_free_all(void)
{
	unsigned long freed = 0;
	int i, j;

	memblock_released = true;
	for (i = 0; i < memory.cnt; i++) {
		unsigned long pfn = PFN_UP(memory.regions[i].base);
		unsigned long end = PFN_DOWN(region_end(&memory.regions[i]));

		for (j = 0; j < reserved.cnt && pfn < end; j++) {
			unsigned long rs = PFN_DOWN(reserved.regions[j].base);
			unsigned long re = PFN_UP(region_end(&reserved.regions[j]));

			if (re <= pfn)
				continue;
			if (rs >= end)
				break;
			if (rs > pfn)
				freed += free_pfn_range(pfn, rs);
			pfn = re;
		}
		if (pfn < end)
			freed += free_pfn_range(pfn, end);
	}
	return freed;
}
