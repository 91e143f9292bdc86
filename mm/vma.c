/*
 * The VMA tree: the mapped ranges of one address space, kept in a
 * red-black tree (mm->mm_rb) ordered by vm_start. Invariants:
 *
 *   - VMAs never overlap, are page aligned and non-empty, and lie in
 *     [MMAP_MIN_ADDR, TASK_SIZE);
 *   - mm->map_count is the number of VMAs in the tree;
 *   - two adjacent VMAs may have the same flags and name (merging is an
 *     optimisation, not a rule), but vma_map_anon() merges when it can;
 *   - vm_pgoff is the linear page index of vm_start (vm_start >> PAGE_SHIFT
 *     when the VMA was made; kept by mremap moves): anonymous folios record
 *     it in folio->index, so two VMAs merge only if their indices continue
 *     and they share their anon_vma (or the one that goes away has none);
 *   - a VMA's anon_vma chains (mm/rmap.c) follow it through split and free.
 *
 * Lookups are O(log n); get_unmapped_area() walks the gaps downwards, O(n)
 * in the VMAs above the gap it finds.
 *
 * Locking: the caller holds mm->mmap_lock, for writing if it changes the
 * tree. Nothing here touches page tables.
 */
#include <kernel/errno.h>
#include <mm/rmap.h>
#include <mm/slab.h>

#include "vma.h"

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->anon_vma_chain);
	}
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		*vma = *orig;	/* vm_rb is overwritten when it is linked */
		vma->anon_vma = NULL;
		INIT_LIST_HEAD(&vma->anon_vma_chain);
	}
	return vma;
}

struct vm_area_struct *vm_area_dup_anon(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = vm_area_dup(orig);

	if (vma && anon_vma_clone(vma, orig)) {
		vm_area_free(vma);
		return NULL;
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	unlink_anon_vmas(vma);
	kfree(vma);
}

static struct vm_area_struct *rb_to_vma(struct rb_node *n)
{
	return n ? rb_entry(n, struct vm_area_struct, vm_rb) : NULL;
}

struct vm_area_struct *vma_first(struct mm_struct *mm)
{
	return rb_to_vma(rb_first(&mm->mm_rb));
}

struct vm_area_struct *vma_last(struct mm_struct *mm)
{
	return rb_to_vma(rb_last(&mm->mm_rb));
}

struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return rb_to_vma(rb_next(&vma->vm_rb));
}

struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return rb_to_vma(rb_prev(&vma->vm_rb));
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *n = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (n) {
		struct vm_area_struct *vma = rb_to_vma(n);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return found;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (vma->vm_start < rb_to_vma(parent)->vm_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	mm->map_count++;
}

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	mm->map_count--;
}

int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *new;

	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	new = vm_area_dup_anon(vma);
	if (!new)
		return -ENOMEM;
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;	/* the tree order is unchanged: new follows vma */
	vma_link(mm, new);
	return 0;
}

int vma_split_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int err;

	if (vma && vma->vm_start < start && vma->vm_end > start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
	}
	vma = find_vma(mm, end);
	if (vma && vma->vm_start < end && vma->vm_end > end)
		return split_vma(mm, vma, end);
	return 0;
}

/*
 * May a and b, a ending where b starts, become one VMA, the one named by
 * gone being freed? Its pages must then be reachable through the other's
 * anon_vma: the same anon_vma, or none at all.
 */
static bool vma_mergeable(const struct vm_area_struct *a, const struct vm_area_struct *b,
			  const struct vm_area_struct *gone)
{
	const struct vm_area_struct *kept = gone == a ? b : a;

	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags && a->name == b->name &&
	       b->vm_pgoff == a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) &&
	       (!gone->anon_vma || gone->anon_vma == kept->anon_vma);
}

struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next;

	/* Growing prev or vma towards the other keeps the tree order. */
	if (prev && vma_mergeable(prev, vma, vma)) {
		prev->vm_end = vma->vm_end;
		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma = prev;
	}
	next = vma_next(vma);
	if (next && vma_mergeable(vma, next, next)) {
		vma->vm_end = next->vm_end;
		vma_unlink(mm, next);
		vm_area_free(next);
	}
	return vma;
}

int vma_map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
		 unsigned long vm_flags, const char *name)
{
	struct vm_area_struct *vma;

	if (mm->map_count >= DEFAULT_MAX_MAP_COUNT)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->name = name;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	vma_link(mm, vma);
	vma_merge_neighbours(mm, vma);
	return 0;
}

int vm_map_anon_fixed(struct mm_struct *mm, unsigned long start, unsigned long len,
		      unsigned long vm_flags, const char *name)
{
	unsigned long end;

	if (!len || offset_in_page(start) || len > TASK_SIZE)
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (start < MMAP_MIN_ADDR || end > TASK_SIZE || end <= start)
		return -EINVAL;
	if (find_vma_intersection(mm, start, end))
		return -EEXIST;
	return vma_map_anon(mm, start, end, vm_flags, name);
}

long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long high = MIN(mm->mmap_base, TASK_SIZE), low;
	struct vm_area_struct *vma, *prev;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
		    !find_vma_intersection(mm, addr, addr + len))
			return (long)addr;
	}

	/* Top-down: the gaps below high, from the highest one. */
	vma = find_vma(mm, high);
	if (vma && vma->vm_start < high)
		high = vma->vm_start;
	prev = vma ? vma_prev(vma) : vma_last(mm);
	for (;;) {
		low = prev ? MAX(prev->vm_end, MMAP_MIN_ADDR) : MMAP_MIN_ADDR;
		if (high > low && high - low >= len)
			return (long)(high - len);
		if (!prev)
			return -ENOMEM;
		high = prev->vm_start;
		prev = vma_prev(prev);
	}
}
