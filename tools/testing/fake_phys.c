/*
 * Fake physical memory for the allocator host tests; see fake_phys.h.
 * A pointer outside the buffer translates to physical address 0, which
 * no fake mem_map covers (so kfree() of a stray pointer panics cleanly).
 */
#include <stdio.h>
#include <stdlib.h>

#include "fake_phys.h"

static unsigned char *fake_ram;
static struct page *fake_map;

static void fake_ram_init(void)
{
	if (!fake_ram)
		fake_ram = aligned_alloc(PAGE_SIZE, FAKE_PHYS_SIZE);
	if (!fake_ram)
		abort();
}

void *host_phys_to_virt(phys_addr_t pa)
{
	fake_ram_init();
	if (pa < FAKE_PHYS_BASE || pa >= FAKE_PHYS_BASE + FAKE_PHYS_SIZE) {
		fprintf(stderr, "__va(%llx): outside fake memory\n",
			(unsigned long long)pa);
		abort();
	}
	return fake_ram + (pa - FAKE_PHYS_BASE);
}

phys_addr_t host_virt_to_phys(const void *va)
{
	const unsigned char *p = va;

	fake_ram_init();
	if (p < fake_ram || p >= fake_ram + FAKE_PHYS_SIZE)
		return 0;
	return FAKE_PHYS_BASE + (phys_addr_t)(p - fake_ram);
}

void fake_mem_map(unsigned long start_pfn, unsigned long end_pfn)
{
	fake_ram_init();
	free(fake_map);
	fake_map = calloc(end_pfn - start_pfn, sizeof(struct page));
	if (!fake_map)
		abort();
	mem_map_init(fake_map, start_pfn, end_pfn);
	buddy_init();
}

void fake_mem_map_all_free(void)
{
	fake_mem_map(FAKE_BASE_PFN, FAKE_END_PFN);
	buddy_free_range(FAKE_BASE_PFN, FAKE_END_PFN);
}
