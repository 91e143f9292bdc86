/*
 * Fake physical memory for host tests of the allocators: a page-aligned
 * heap buffer standing for FAKE_PHYS_SIZE bytes of RAM at physical address
 * FAKE_PHYS_BASE, reached through __va()/__pa() (host_phys_to_virt and
 * host_virt_to_phys).
 */
#ifndef FAKE_PHYS_H
#define FAKE_PHYS_H

#include <mm/page_alloc.h>

#define FAKE_PHYS_BASE 0x40000000UL
#define FAKE_PHYS_SIZE (64UL << 20)
#define FAKE_BASE_PFN (FAKE_PHYS_BASE >> PAGE_SHIFT)
#define FAKE_END_PFN ((FAKE_PHYS_BASE + FAKE_PHYS_SIZE) >> PAGE_SHIFT)

/*
 * A fresh mem_map (heap-allocated) over [start_pfn, end_pfn), every page
 * reserved, and an empty buddy allocator: the state before
 * buddy_free_range(). The pfns must lie inside the fake memory.
 */
void fake_mem_map(unsigned long start_pfn, unsigned long end_pfn);

/* Same, with every page of the fake memory free. */
void fake_mem_map_all_free(void);

#endif
