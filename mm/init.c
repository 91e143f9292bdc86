/*
 * Memory-manager start-up: from the boot loader's memory map to working
 * folio_alloc() and kmalloc().
 *
 *   1. memblock learns RAM and what is in use (kernel image, initrd, DTB,
 *      firmware areas).
 *   2. paging_init() builds the kernel's final page tables in init_mm with
 *      the generic walker: every RAM range in the direct map (largest leaves
 *      that fit), the kernel image section by section with W^X permissions,
 *      and loads them.
 *   3. page_alloc_init(): mem_map[] gets a struct page per frame, all
 *      PG_reserved; memblock then hands every unreserved frame to the buddy
 *      allocator.
 *   4. kmalloc starts, then the shared zero page is allocated.
 */
#include <kernel/printk.h>
#include <kernel/sections.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/mm.h>
#include <mm/pgtable.h>
#include <mm/slab.h>

#include "internal.h"

struct mm_struct init_mm = {
	.pgd = NULL,
	.page_table_lock = SPINLOCK_INIT("init_mm.page_table_lock"),
};

static bool buddy_ready;
static u64 total_ram;

phys_addr_t pgtable_alloc_page(void)
{
	struct folio *folio;

	if (!buddy_ready)
		return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	folio = folio_alloc(0, __GFP_ZERO);
	if (!folio)
		return 0;
	SetPageFlag(&folio->page, PG_pgtable);
	ptlock_init(&folio->page);
	return page_to_phys(&folio->page);
}

void pgtable_free_page(phys_addr_t pa)
{
	struct page *page = pfn_to_page(pa >> PAGE_SHIFT);

	/* Tables from memblock stay reserved for good. */
	if (PageFlag(page, PG_reserved))
		return;
	if (spin_is_locked(ptlock_ptr(page)))
		panic("pgtable_free_page: table at %llx freed with its lock held\n",
		      (unsigned long long)pa);
	ClearPageFlag(page, PG_pgtable);
	folio_put(page_folio(page));
}

/* Map one part of the kernel image at its link address. */
static void map_kernel_segment(const char *start, const char *end, pgprot_t prot)
{
	int err = pgtable_map_range(&init_mm, (unsigned long)start, __pa_symbol(start),
				    (u64)(end - start), prot, 0);

	if (err)
		panic("map_kernel_segment: %p-%p: error %d\n", start, end, err);
}

static void paging_init(void)
{
	phys_addr_t base;
	u64 size;
	int i, err;

	init_mm.pgd = __va(pgtable_alloc_page());
	for (i = 0; memblock_mem_range(i, &base, &size); i++) {
		phys_addr_t start = ALIGN(base, PAGE_SIZE);
		phys_addr_t end = ALIGN_DOWN(base + size, PAGE_SIZE);

		if (end <= start)
			continue;
		err = pgtable_map_range(&init_mm, (unsigned long)__va(start), start,
					end - start, PAGE_KERNEL, PGT_HUGE);
		if (err)
			panic("paging_init: direct map of %llx-%llx: error %d\n",
			      (unsigned long long)start, (unsigned long long)end, err);
	}
	map_kernel_segment(_text, _etext, PAGE_KERNEL_ROX);
	map_kernel_segment(__rodata_start, __rodata_end, PAGE_KERNEL_RO);
	map_kernel_segment(_data, _end, PAGE_KERNEL);
	arch_load_kernel_pgd(__pa(init_mm.pgd));
	memblock_set_limit(~(phys_addr_t)0);
}

void mm_init(struct boot_info *bi)
{
	int i;

	for (i = 0; i < bi->nr_mem; i++) {
		memblock_add(bi->mem[i].base, bi->mem[i].size);
		total_ram += bi->mem[i].size;
	}
	for (i = 0; i < bi->nr_reserved; i++)
		memblock_reserve(bi->reserved[i].base, bi->reserved[i].size);
	memblock_reserve(__pa_symbol(_text), (u64)(_end - _text));
	if (bi->initrd_size)
		memblock_reserve(bi->initrd_base, bi->initrd_size);
	memblock_set_limit(bi->early_map_end);

	paging_init();
	page_alloc_init();
	buddy_ready = true;
	kmalloc_init();
	zero_page_init();
}

u64 mm_total_ram(void)
{
	return total_ram;
}
