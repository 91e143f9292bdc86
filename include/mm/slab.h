/*
 * kmalloc/kfree (mm/slab.c): small objects from power-of-two size classes
 * carved out of pages; requests above the largest class get whole folios.
 */
#ifndef MM_SLAB_H
#define MM_SLAB_H

#include <mm/page_alloc.h>

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *p);
void kmalloc_init(void);
/* Give every cache's spare empty slab back to the buddy allocator. */
void kmalloc_shrink(void);

#endif
