/*
 * Host stand-ins for the tests that link mm/vma.c and mm/rmap.c without
 * the page and slab allocators (fake_mm.c): kmalloc is libc's malloc, so
 * AddressSanitizer sees every leaked or reused VMA and anon_vma, and
 * empty mm_structs to hang VMAs on.
 */
#ifndef FAKE_MM_H
#define FAKE_MM_H

#include <mm/mm_types.h>

/* A zeroed mm with an empty VMA tree and the default mmap base. */
struct mm_struct *new_mm(void);

/* Unlink and free every VMA of mm, then mm itself. */
void free_mm(struct mm_struct *mm);

#endif
