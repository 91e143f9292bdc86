/*
 * The VMA tree of an address space (mm/vma.c), internal to mm/.
 *
 * mm->mm_rb holds the VMAs ordered by address; they never overlap. All
 * functions here expect mm->mmap_lock held (for writing when they change
 * the tree) and touch no page tables: zapping pages is mm/memory.c's job.
 * This file and mm/vma.c build on the host (tools/testing/vma.mk).
 */
#ifndef MM_VMA_H
#define MM_VMA_H

#include <mm/mmap.h>

/* The user address space ends here on both architectures (Linux: TASK_SIZE). */
#define TASK_SIZE STACK_TOP
/* At most this many VMAs per mm, as Linux's vm.max_map_count default. */
#define DEFAULT_MAX_MAP_COUNT 65530

#define PAGE_ALIGN(x) ALIGN((x), PAGE_SIZE)
#define offset_in_page(x) ((unsigned long)(x) & ~PAGE_MASK)

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
/* A copy of orig (for fork), not linked anywhere, without
 * anon_vma chains (the caller clones or forks them: mm/rmap.c). Freeing
 * a VMA unlinks its chains. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
/* A copy of orig for the same mm (split, mremap's move), linked to the
 * same anon_vmas but not to the tree; NULL when out of memory. */
struct vm_area_struct *vm_area_dup_anon(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);

struct vm_area_struct *vma_first(struct mm_struct *mm);
struct vm_area_struct *vma_last(struct mm_struct *mm);
struct vm_area_struct *vma_next(struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);

#define for_each_vma(mm, vma) \
	for ((vma) = vma_first(mm); (vma); (vma) = vma_next(vma))

/* The first VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

/* Insert vma (its range must be free) / take it out; map_count follows. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * Cut vma in two at addr (page aligned, strictly inside it): vma keeps
 * [vm_start, addr), a new VMA gets [addr, vm_end). Returns 0, or -ENOMEM
 * (no memory, or the map-count limit) with nothing changed.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);

/*
 * Split the VMAs straddling start or end so that VMA boundaries fall on
 * both. Returns 0 or -ENOMEM; on failure a split already made stays (it
 * changes no mapping, only the tree's shape).
 */
int vma_split_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * Merge vma with its neighbours where they are compatible (same flags,
 * name, continuing page index and anon_vma). Returns the VMA that now
 * covers vma's range (vma may have been freed). mmap_lock held for writing.
 */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * Map the free range [start, end) as a new anonymous VMA with vm_flags and
 * name, merged with an adjacent VMA that has the same flags and name.
 * Returns 0 or -ENOMEM.
 */
int vma_map_anon(struct mm_struct *mm, unsigned long start, unsigned long end,
		 unsigned long vm_flags, const char *name);

/*
 * A free, page-aligned range of len bytes (page aligned, non-zero): addr
 * itself if it is a usable hint (page aligned up, the range free and in
 * [MMAP_MIN_ADDR, TASK_SIZE)), else the highest gap below mm->mmap_base.
 * Returns the address, or -ENOMEM.
 */
long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len);

#endif
