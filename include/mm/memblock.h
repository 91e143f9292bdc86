/*
 * memblock: the boot-time physical memory map and allocator (mm/memblock.c),
 * used until the buddy allocator takes over in memblock_free_all().
 */
#ifndef MM_MEMBLOCK_H
#define MM_MEMBLOCK_H

#include <kernel/types.h>

void memblock_add(phys_addr_t base, u64 size);
void memblock_reserve(phys_addr_t base, u64 size);
/* Allocations stay below this address (what the early page tables map). */
void memblock_set_limit(phys_addr_t limit);
/* Zeroed, aligned, reserved memory; panics when none is left (boot only). */
phys_addr_t memblock_alloc(u64 size, u64 align);
/* Lowest and highest+1 addresses of added memory. */
phys_addr_t memblock_start(void);
phys_addr_t memblock_end(void);
/* Iterate added memory: returns false past the last range. */
bool memblock_mem_range(int i, phys_addr_t *base, u64 *size);
/* Hand every unreserved page to the buddy allocator; returns pages freed. */
unsigned long memblock_free_all(void);

#endif
