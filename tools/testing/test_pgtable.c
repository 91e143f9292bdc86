/*
 * Host tests of the generic page-table walker (mm/pgtable.c), built once
 * with each architecture's entry format (pgtable_x86, pgtable_arm64).
 * Physical memory is a host buffer standing at FAKE_PHYS_BASE, with a
 * mem_map for it (the page-table locks live in struct page); page-table
 * pages come from it and are counted so leaks show.
 */
#include <stdlib.h>
#include <string.h>

#include <kernel/errno.h>
#include <kernel/printk.h>
#include <mm/pgtable.h>

#include "host.h"

#define FAKE_PHYS_BASE 0x40000000UL
#define FAKE_PAGES 1024

static unsigned char *fake_mem;
static unsigned char page_used[FAKE_PAGES];
static int tables_live, alloc_budget = -1;
struct mm_struct init_mm;
struct page *mem_map;
unsigned long min_pfn, max_pfn;
phys_addr_t kimage_phys_base;	/* arm64 <asm/memory.h> declares it */
static bool pud_leaves = true;

bool arch_pud_leaf_supported(void)
{
	return pud_leaves;
}

void *host_phys_to_virt(phys_addr_t pa)
{
	if (pa < FAKE_PHYS_BASE || pa >= FAKE_PHYS_BASE + FAKE_PAGES * PAGE_SIZE)
		host_panic("__va of %llx outside fake memory\n", (unsigned long long)pa);
	return fake_mem + (pa - FAKE_PHYS_BASE);
}

phys_addr_t host_virt_to_phys(const void *va)
{
	return FAKE_PHYS_BASE + (phys_addr_t)((const unsigned char *)va - fake_mem);
}

phys_addr_t pgtable_alloc_page(void)
{
	int i;

	if (alloc_budget == 0)
		return 0;
	for (i = 0; i < FAKE_PAGES; i++) {
		if (!page_used[i]) {
			page_used[i] = 1;
			memset(fake_mem + i * PAGE_SIZE, 0, PAGE_SIZE);
			tables_live++;
			if (alloc_budget > 0)
				alloc_budget--;
			ptlock_init(&mem_map[i]);
			return FAKE_PHYS_BASE + i * PAGE_SIZE;
		}
	}
	return 0;
}

void pgtable_free_page(phys_addr_t pa)
{
	unsigned long i = (pa - FAKE_PHYS_BASE) / PAGE_SIZE;

	if (!page_used[i])
		host_panic("pgtable_free_page: %llx not allocated\n", (unsigned long long)pa);
	if (spin_is_locked(ptlock_ptr(&mem_map[i])))
		host_panic("pgtable_free_page: %llx freed locked\n", (unsigned long long)pa);
	page_used[i] = 0;
	memset(fake_mem + i * PAGE_SIZE, 0x5a, PAGE_SIZE);	/* junk: catch reuse */
	tables_live--;
}

/* A fresh address space with only a PGD. */
static struct mm_struct *new_mm(void)
{
	if (!fake_mem) {
		fake_mem = aligned_alloc(PAGE_SIZE, FAKE_PAGES * PAGE_SIZE);
		mem_map = calloc(FAKE_PAGES, sizeof(*mem_map));
		min_pfn = FAKE_PHYS_BASE >> PAGE_SHIFT;
		max_pfn = min_pfn + FAKE_PAGES;
	}
	memset(page_used, 0, sizeof(page_used));
	spin_lock_init(&init_mm.page_table_lock, "init_mm.page_table_lock");
	tables_live = 0;
	alloc_budget = -1;
	init_mm.pgd = __va(pgtable_alloc_page());
	return &init_mm;
}

/* Kernel-half and user-half addresses; physical addresses need not exist. */
#define KVA 0xffff888000000000UL
#define UVA 0x0000000040000000UL
#define PA_LOW 0x80000000ULL

static bool lookup(struct mm_struct *mm, unsigned long va, phys_addr_t pa, unsigned long size)
{
	struct pgtable_lookup l;

	return pgtable_lookup(mm, va, &l) && l.pa == pa && l.size == size;
}

TEST(map_lookup_unmap_4k)
{
	struct mm_struct *mm = new_mm();
	struct pgtable_lookup l;

	CHECK(pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0) == 0, "map");
	CHECK(tables_live == 4, "expected PGD+PUD+PMD+PTE tables, got %d", tables_live);
	CHECK(lookup(mm, KVA + 0x123, PA_LOW + 0x123, PAGE_SIZE), "lookup 4K");
	CHECK(pgtable_lookup(mm, KVA, &l) && pte_write(l.leaf) && !pte_exec(l.leaf),
	      "PAGE_KERNEL must be RW NX");
	CHECK(!pgtable_lookup(mm, KVA + PAGE_SIZE, &l), "neighbour must be unmapped");
	CHECK(pgtable_unmap_range(mm, KVA, PAGE_SIZE, NULL) == 0, "unmap");
	CHECK(!pgtable_lookup(mm, KVA, &l), "still mapped");
	CHECK(tables_live == 2, "PTE and PMD tables must be freed, PUD kept: %d live",
	      tables_live);
}

TEST(map_permissions_rox_ro)
{
	struct mm_struct *mm = new_mm();
	struct pgtable_lookup l;

	CHECK(!pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL_ROX, 0), "map");
	CHECK(!pgtable_map_range(mm, KVA + PAGE_SIZE, PA_LOW, PAGE_SIZE, PAGE_KERNEL_RO, 0),
	      "map");
	CHECK(pgtable_lookup(mm, KVA, &l) && !pte_write(l.leaf) && pte_exec(l.leaf), "ROX");
	CHECK(pgtable_lookup(mm, KVA + PAGE_SIZE, &l) && !pte_write(l.leaf) &&
		      !pte_exec(l.leaf), "RO");
}

TEST(map_2m_leaf_when_aligned)
{
	struct mm_struct *mm = new_mm();
	struct pgtable_lookup l;

	CHECK(!pgtable_map_range(mm, KVA, PA_LOW, PMD_SIZE, PAGE_KERNEL, PGT_HUGE), "map");
	CHECK(tables_live == 3, "a 2M leaf needs no PTE table: %d live", tables_live);
	CHECK(lookup(mm, KVA + 0x1fffff, PA_LOW + 0x1fffff, PMD_SIZE), "lookup 2M");
	CHECK(pgtable_lookup(mm, KVA, &l) && pte_write(l.leaf) && !pte_exec(l.leaf),
	      "2M leaf permissions");
	CHECK(pgtable_unmap_range(mm, KVA + PAGE_SIZE, PAGE_SIZE, NULL) == -EINVAL,
	      "partial unmap of a 2M leaf must fail");
	CHECK(lookup(mm, KVA, PA_LOW, PMD_SIZE), "failed unmap must change nothing");
	CHECK(pgtable_unmap_range(mm, KVA, PMD_SIZE, NULL) == 0, "unmap whole 2M");
	CHECK(!pgtable_lookup(mm, KVA, &l), "still mapped");
	CHECK(tables_live == 2, "PMD table must be freed: %d live", tables_live);
}

TEST(map_2m_without_huge_flag_uses_ptes)
{
	struct mm_struct *mm = new_mm();

	CHECK(!pgtable_map_range(mm, KVA, PA_LOW, PMD_SIZE, PAGE_KERNEL, 0), "map");
	CHECK(lookup(mm, KVA + PMD_SIZE - 1, PA_LOW + PMD_SIZE - 1, PAGE_SIZE), "4K leaves");
	CHECK(tables_live == 4, "one PTE table: %d live", tables_live);
}

TEST(map_misaligned_pa_falls_back_to_4k)
{
	struct mm_struct *mm = new_mm();

	CHECK(!pgtable_map_range(mm, KVA, PA_LOW + PAGE_SIZE, PMD_SIZE, PAGE_KERNEL,
				 PGT_HUGE), "map");
	CHECK(lookup(mm, KVA, PA_LOW + PAGE_SIZE, PAGE_SIZE), "4K when pa is unaligned");
}

TEST(map_1g_leaf_when_aligned)
{
	struct mm_struct *mm = new_mm();

	CHECK(!pgtable_map_range(mm, KVA, 0x40000000ULL, PUD_SIZE, PAGE_KERNEL, PGT_HUGE),
	      "map");
	CHECK(tables_live == 2, "a 1G leaf needs only PGD+PUD: %d", tables_live);
	CHECK(lookup(mm, KVA + 0x3ffff000, 0x7ffff000ULL, PUD_SIZE), "lookup 1G");
	CHECK(pgtable_unmap_range(mm, KVA, PMD_SIZE, NULL) == -EINVAL, "partial 1G unmap");
	CHECK(pgtable_unmap_range(mm, KVA, PUD_SIZE, NULL) == 0, "unmap 1G");
}

TEST(map_1g_falls_back_to_2m_without_cpu_support)
{
	struct mm_struct *mm = new_mm();

	pud_leaves = false;
	CHECK(!pgtable_map_range(mm, KVA, 0x40000000ULL, PUD_SIZE, PAGE_KERNEL, PGT_HUGE),
	      "map");
	pud_leaves = true;
	CHECK(lookup(mm, KVA + 0x3ffff000, 0x7ffff000ULL, PMD_SIZE), "2M leaves instead");
}

TEST(map_mixed_range_uses_largest_leaves)
{
	struct mm_struct *mm = new_mm();
	unsigned long va = KVA + PMD_SIZE - 2 * PAGE_SIZE;	/* 2 pages before a 2M line */
	phys_addr_t pa = PA_LOW + PMD_SIZE - 2 * PAGE_SIZE;
	u64 size = 2 * PAGE_SIZE + 2 * PMD_SIZE + 3 * PAGE_SIZE;
	u64 off;

	CHECK(!pgtable_map_range(mm, va, pa, size, PAGE_KERNEL, PGT_HUGE), "map");
	for (off = 0; off < size; off += PAGE_SIZE) {
		unsigned long want = (off >= 2 * PAGE_SIZE && off < 2 * PAGE_SIZE + 2 * PMD_SIZE)
					     ? PMD_SIZE : PAGE_SIZE;

		CHECK(lookup(mm, va + off, pa + off, want), "offset %llx: wrong leaf",
		      (unsigned long long)off);
	}
	CHECK(!pgtable_lookup(mm, va + size, &(struct pgtable_lookup){ 0 }), "past end");
	CHECK(pgtable_unmap_range(mm, va, size, NULL) == 0, "unmap all");
	CHECK(tables_live == 2, "all lower tables freed: %d", tables_live);
}

TEST(map_rejects_bad_arguments)
{
	struct mm_struct *mm = new_mm();

	CHECK(pgtable_map_range(mm, KVA + 1, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0) == -EINVAL,
	      "unaligned va");
	CHECK(pgtable_map_range(mm, KVA, PA_LOW + 8, PAGE_SIZE, PAGE_KERNEL, 0) == -EINVAL,
	      "unaligned pa");
	CHECK(pgtable_map_range(mm, KVA, PA_LOW, 100, PAGE_KERNEL, 0) == -EINVAL,
	      "unaligned size");
	CHECK(pgtable_map_range(mm, KVA, PA_LOW, 0, PAGE_KERNEL, 0) == -EINVAL, "zero size");
	CHECK(pgtable_map_range(mm, ~0UL - PAGE_SIZE + 1, PA_LOW, 2 * PAGE_SIZE,
				PAGE_KERNEL, 0) == -EINVAL, "wrapping range");
	CHECK(pgtable_unmap_range(mm, KVA, 0, NULL) == -EINVAL, "zero-size unmap");
	CHECK(tables_live == 1, "nothing allocated on bad input: %d", tables_live);
}

TEST(map_over_existing_is_eexist)
{
	struct mm_struct *mm = new_mm();

	CHECK(!pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0), "map");
	CHECK(pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0) == -EEXIST,
	      "remap of a 4K page");
	CHECK(!pgtable_map_range(mm, KVA + PMD_SIZE, PA_LOW, PMD_SIZE, PAGE_KERNEL, PGT_HUGE),
	      "map 2M");
	CHECK(pgtable_map_range(mm, KVA + PMD_SIZE + PAGE_SIZE, PA_LOW, PAGE_SIZE,
				PAGE_KERNEL, 0) == -EEXIST, "4K inside a 2M leaf");
	CHECK(lookup(mm, KVA, PA_LOW, PAGE_SIZE), "original mapping intact");
}

TEST(map_out_of_memory_is_enomem)
{
	struct mm_struct *mm = new_mm();

	alloc_budget = 2;	/* PUD and PMD tables, but no PTE table */
	CHECK(pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0) == -ENOMEM,
	      "expected -ENOMEM");
	alloc_budget = -1;
	CHECK(!pgtable_map_range(mm, KVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0),
	      "map after memory returns");
	CHECK(lookup(mm, KVA, PA_LOW, PAGE_SIZE), "lookup");
}

TEST(unmap_skips_holes_and_user_half_works)
{
	struct mm_struct *mm = new_mm();

	CHECK(!pgtable_map_range(mm, UVA, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0), "map page 0");
	CHECK(!pgtable_map_range(mm, UVA + 8 * PAGE_SIZE, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0),
	      "map page 8");
	CHECK(lookup(mm, UVA + 8 * PAGE_SIZE, PA_LOW, PAGE_SIZE), "lookup page 8");
	CHECK(!pgtable_unmap_range(mm, UVA, PUD_SIZE * 2, NULL), "unmap over holes");
	CHECK(tables_live == 2, "tables freed: %d", tables_live);
}

TEST(get_locked_pte_returns_slot_locked_or_null_under_leaf)
{
	struct mm_struct *mm = new_mm();
	spinlock_t *ptl;
	pte_t *ptep = get_locked_pte(mm, KVA + 5 * PAGE_SIZE, &ptl);

	CHECK(ptep != NULL, "walk allocates tables");
	CHECK(spin_is_locked(ptl), "the PTE table's lock is held on return");
	CHECK(!spin_is_locked(&mm->page_table_lock), "page_table_lock is not held on return");
	set_ptes(mm, KVA + 5 * PAGE_SIZE, ptep, pfn_pte(PA_LOW >> PAGE_SHIFT, PAGE_KERNEL), 3);
	pte_unmap_unlock(ptep, ptl);
	CHECK(lookup(mm, KVA + 7 * PAGE_SIZE, PA_LOW + 2 * PAGE_SIZE, PAGE_SIZE),
	      "set_ptes maps consecutive frames");
	CHECK(!pgtable_map_range(mm, KVA + PMD_SIZE, PA_LOW, PMD_SIZE, PAGE_KERNEL, PGT_HUGE),
	      "map 2M");
	CHECK(get_locked_pte(mm, KVA + PMD_SIZE, &ptl) == NULL, "no PTE slot under a 2M leaf");
}

TEST(each_pte_table_has_its_own_lock)
{
	struct mm_struct *mm = new_mm();
	spinlock_t *ptl_a, *ptl_b;
	pte_t *a = get_locked_pte(mm, UVA, &ptl_a), *b;
	pmd_t *pmd_a = mm_find_pmd(mm, UVA), *pmd_b;

	CHECK(a && pmd_a, "first table");
	CHECK(ptl_a == ptlock_ptr(pfn_to_page(pmd_table_pa(*pmd_a) >> PAGE_SHIFT)),
	      "the lock returned is the one in the table's struct page");
	CHECK(ptl_a == pte_lockptr(mm, pmd_a), "pte_lockptr agrees");
	/* Another PTE table of the same mm: lockable while the first is held. */
	b = get_locked_pte(mm, UVA + PMD_SIZE, &ptl_b);
	pmd_b = mm_find_pmd(mm, UVA + PMD_SIZE);
	CHECK(b && pmd_b && ptl_b != ptl_a, "two PTE tables must have distinct locks");
	CHECK(ptl_b == pte_lockptr(mm, pmd_b), "second table's lock");
	CHECK(ptl_a != pmd_lockptr(mm, pmd_a), "the PTE lock is not the pmd lock");
	pte_unmap_unlock(b, ptl_b);
	pte_unmap_unlock(a, ptl_a);
	/* pte_offset_map_lock on an existing table: same lock, same slot. */
	b = pte_offset_map_lock(mm, pmd_a, UVA + 3 * PAGE_SIZE, &ptl_b);
	CHECK(b == a + 3 && ptl_b == ptl_a && spin_is_locked(ptl_a), "pte_offset_map_lock");
	pte_unmap_unlock(b, ptl_b);
	CHECK(pte_offset_map_lock(mm, mm_find_pmd(mm, UVA + 2 * PMD_SIZE), UVA + 2 * PMD_SIZE,
				  &ptl_b) == NULL, "no table: NULL, nothing locked");
}

/* A stand-in for mm/memory.c's gather: records the tables handed to it. */
struct mmu_gather {
	int nr;
	phys_addr_t tables[4];
	unsigned long addrs[4];
};

void tlb_remove_table(struct mmu_gather *tlb, phys_addr_t pa, unsigned long addr)
{
	if (tlb->nr == 4)
		host_panic("tlb_remove_table: too many tables\n");
	tlb->tables[tlb->nr] = pa;
	tlb->addrs[tlb->nr++] = addr;
}

TEST(unmap_with_gather_defers_table_freeing)
{
	struct mm_struct *mm = new_mm();
	struct mmu_gather tlb = { 0 };

	CHECK(!pgtable_map_range(mm, UVA + 3 * PAGE_SIZE, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0),
	      "map");
	CHECK(tables_live == 4, "PGD+PUD+PMD+PTE: %d", tables_live);
	CHECK(!pgtable_unmap_range(mm, UVA, PMD_SIZE, &tlb), "unmap");
	CHECK(!lookup(mm, UVA + 3 * PAGE_SIZE, PA_LOW, PAGE_SIZE), "unlinked");
	CHECK(tables_live == 4, "no table may be freed before the flush: %d live", tables_live);
	CHECK(tlb.nr == 2, "PTE and PMD tables gathered: %d", tlb.nr);
	CHECK(tlb.addrs[0] == UVA && tlb.addrs[1] == UVA, "each with an address it translated");
	pgtable_free_page(tlb.tables[0]);
	pgtable_free_page(tlb.tables[1]);
	CHECK(tables_live == 2, "freed by the gather: %d", tables_live);
}

struct walk_log {
	int n;
	unsigned long addr[8];
	unsigned long stop_at;	/* return 42 at this address */
};

static int log_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct walk_log *log = arg;

	(void)ptep;
	if (log->n < 8)
		log->addr[log->n] = addr;
	log->n++;
	return addr == log->stop_at ? 42 : 0;
}

TEST(walk_range_visits_present_ptes_in_order_and_skips_leaves)
{
	struct mm_struct *mm = new_mm();
	struct walk_log log = { 0 };

	CHECK(!pgtable_map_range(mm, UVA + PAGE_SIZE, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0), "a");
	CHECK(!pgtable_map_range(mm, UVA + PMD_SIZE + 5 * PAGE_SIZE, PA_LOW, PAGE_SIZE,
				 PAGE_KERNEL, 0), "b");
	CHECK(!pgtable_map_range(mm, UVA + 2 * PMD_SIZE, PA_LOW, PMD_SIZE, PAGE_KERNEL,
				 PGT_HUGE), "2M leaf");
	CHECK(!pgtable_map_range(mm, UVA + 3 * PUD_SIZE, PA_LOW, PAGE_SIZE, PAGE_KERNEL, 0), "c");
	CHECK(pgtable_walk_range(mm, UVA, UVA + 4 * PUD_SIZE, log_pte, &log) == 0, "walk");
	CHECK(log.n == 3 && log.addr[0] == UVA + PAGE_SIZE &&
	      log.addr[1] == UVA + PMD_SIZE + 5 * PAGE_SIZE && log.addr[2] == UVA + 3 * PUD_SIZE,
	      "visited %d entries", log.n);
	log.n = 0;
	CHECK(pgtable_walk_range(mm, UVA + 2 * PAGE_SIZE, UVA + PMD_SIZE + 6 * PAGE_SIZE,
				 log_pte, &log) == 0 && log.n == 1, "sub-range: %d", log.n);
	log.n = 0;
	log.stop_at = UVA + PMD_SIZE + 5 * PAGE_SIZE;
	CHECK(pgtable_walk_range(mm, UVA, UVA + 4 * PUD_SIZE, log_pte, &log) == 42 &&
	      log.n == 2, "stops with the callback's value");
}

/* Entry encodings checked bit by bit against the architecture manuals. */
TEST(entry_format)
{
	pte_t pte = pfn_pte(0x12345, PAGE_KERNEL);
	pmd_t pmd = pfn_pmd(0x200, PAGE_KERNEL);

	CHECK(pte_pfn(pte) == 0x12345 && pmd_pfn(pmd) == 0x200, "pfn round trip");
	CHECK(pmd_leaf(pmd) && !pmd_table(pmd), "block is a leaf");
	CHECK(pmd_table(pmd_mktable(0x5000)) && pmd_table_pa(pmd_mktable(0x5000)) == 0x5000,
	      "table entry");
	CHECK(pud_leaf(pfn_pud(0x40000, PAGE_KERNEL)), "1G leaf");
	CHECK(pte_none(__pte(0)) && !pte_present(__pte(0)), "empty entry");
#ifdef TEST_ARCH_X86
	CHECK(pte_val(pte) == (0x12345000ULL | 0x1 | 0x2 | 0x20 | 0x40 | 0x100 | (1ULL << 63)),
	      "x86 PTE P|RW|A|D|G|NX: %llx", (unsigned long long)pte_val(pte));
	CHECK(pmd_val(pmd) & 0x80, "x86 PMD leaf has PS");
	CHECK((pte_val(pfn_pte(1, PAGE_KERNEL_DEVICE)) & 0x18) == 0x18, "x86 device PCD|PWT");
#else
	CHECK((pte_val(pte) & 3) == 3, "arm64 page descriptor type 0b11");
	CHECK((pmd_val(pmd) & 3) == 1, "arm64 block descriptor type 0b01");
	CHECK(pte_val(pte) & (1ULL << 10), "arm64 AF set");
	CHECK(((pte_val(pte) >> 2) & 7) == 1, "arm64 normal memory is MAIR index 1");
	CHECK(((pte_val(pfn_pte(1, PAGE_KERNEL_DEVICE)) >> 2) & 7) == 0, "device index 0");
	CHECK((pte_val(pte) >> 53 & 3) == 3, "arm64 PAGE_KERNEL has PXN|UXN");
	CHECK(!(pte_val(pte) & (1ULL << 52)), "contiguous bit clear");
#endif
}
