/*
 * Host stand-ins for mm tests without the page and slab allocators: see
 * fake_mm.h.
 */
#include <stdlib.h>

#include <mm/slab.h>

#include "../../mm/vma.h"
#include "fake_mm.h"

/* mm/rmap.c names mem_map in a panic message only. */
struct page *mem_map;
unsigned long min_pfn, max_pfn;

void *kmalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return malloc(size);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return calloc(1, size);
}

void kfree(const void *p)
{
	free((void *)p);
}

struct mm_struct *new_mm(void)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));

	mm->mm_rb = RB_ROOT;
	mm->mmap_base = MMAP_BASE;
	spin_lock_init(&mm->page_table_lock, "test");
	return mm;
}

void free_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	while ((vma = vma_first(mm))) {
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	free(mm);
}
