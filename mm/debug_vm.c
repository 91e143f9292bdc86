/*
 * The consistency checker of the memory manager (test builds read it
 * through /sys/kernel/debug/vm_check after every test program). With every
 * mm's mmap_lock held in turn (and its page_table_lock for the upper
 * levels, each PTE table's lock for its entries) it walks all user page
 * tables, then every page of mem_map, and verifies:
 *
 *  - every present user PTE lies inside a VMA; a page it maps is an
 *    anonymous folio whose anon_vma the VMA is linked to, at the index
 *    the VMA gives its address; a writable PTE maps an exclusive page;
 *  - each page's mapcount equals the PTEs found mapping it, each folio's
 *    total mapcount their sum; an exclusive page is mapped at most once;
 *  - refcount >= total mapcount + pins for every folio, and for an
 *    anonymous folio exactly that: any other reference is a leak (the
 *    check runs when no fault or unmap is in flight);
 *  - every page-table page (PG_pgtable) is reachable from exactly one
 *    mm (or the kernel's tables), and every reachable one is such a page;
 *  - free + allocated pages == managed pages, and every anon_vma is
 *    reachable from a VMA or an anonymous folio.
 *
 * It reports the first problem. It is O(memory) and meant for tests.
 */
#include <kernel/printk.h>
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <kernel/vfs.h>
#include <mm/debug_vm.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>
#include <mm/rmap.h>
#include <mm/slab.h>

#include "internal.h"

#define MAX_ANON_VMAS 8192		/* bigger fork trees skip the anon_vma count */
/* seen[]: PTEs mapping the page in the low bits, table visits from here up. */
#define TABLE_VISIT (1 << 16)
#define SEEN_PTES(x) ((x) & (TABLE_VISIT - 1))

struct vm_check_state {
	int *seen;			/* per pfn: PTEs and table visits found */
	struct anon_vma **avs;		/* distinct anon_vmas found */
	unsigned long nr_avs;
	bool avs_overflow;
	char *buf;
	size_t size;
	bool failed;
};

static void __printf(2, 3) report(struct vm_check_state *st, const char *fmt, ...)
{
	va_list ap;

	if (st->failed)
		return;
	st->failed = true;
	va_start(ap, fmt);
	vsnprintf(st->buf, st->size, fmt, ap);
	va_end(ap);
}

static void note_anon_vma(struct vm_check_state *st, struct anon_vma *av)
{
	unsigned long i;

	for (; av; av = av->parent) {
		for (i = 0; i < st->nr_avs; i++)
			if (st->avs[i] == av)
				break;
		if (i < st->nr_avs)
			continue;	/* its parents are noted already */
		if (st->nr_avs == MAX_ANON_VMAS) {
			st->avs_overflow = true;
			return;
		}
		st->avs[st->nr_avs++] = av;
	}
}

static int *seen_slot(struct vm_check_state *st, phys_addr_t pa)
{
	unsigned long pfn = pa >> PAGE_SHIFT;

	return pfn_valid(pfn) ? &st->seen[pfn - min_pfn] : NULL;
}

/* Count a visit to the page-table page at pa. */
static void note_table(struct vm_check_state *st, phys_addr_t pa)
{
	int *slot = seen_slot(st, pa);

	if (!slot) {
		report(st, "page table at %llx outside mem_map", (unsigned long long)pa);
		return;
	}
	if (!PageFlag(pfn_to_page(pa >> PAGE_SHIFT), PG_pgtable) &&
	    !PageFlag(pfn_to_page(pa >> PAGE_SHIFT), PG_reserved))
		report(st, "page table at %llx is not PG_pgtable", (unsigned long long)pa);
	*slot += TABLE_VISIT;
}

/* Every table below the PGD entries [first, last] of pgd. */
static void note_tables(struct vm_check_state *st, pgd_t *pgd, unsigned int first,
			unsigned int last)
{
	unsigned int i, j, k;

	for (i = first; i <= last; i++) {
		pgd_t g = READ_ONCE(pgd[i]);
		pud_t *pud;

		if (!pgd_table(g))
			continue;
		note_table(st, pgd_table_pa(g));
		pud = __va(pgd_table_pa(g));
		for (j = 0; j < PTRS_PER_TABLE; j++) {
			pud_t u = READ_ONCE(pud[j]);
			pmd_t *pmd;

			if (!pud_table(u))
				continue;
			note_table(st, pud_table_pa(u));
			pmd = __va(pud_table_pa(u));
			for (k = 0; k < PTRS_PER_TABLE; k++) {
				pmd_t m = READ_ONCE(pmd[k]);

				if (pmd_table(m))
					note_table(st, pmd_table_pa(m));
			}
		}
	}
}

static bool vma_linked_to(struct vm_area_struct *vma, struct anon_vma *av)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->anon_vma == av)
			return true;
	return false;
}

struct pte_check {
	struct vm_check_state *st;
	struct mm_struct *mm;
};

/* pgtable_walk_range() callback over a whole user address space; the
 * PTE lock held. */
static int check_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct pte_check *pc = arg;
	struct vm_check_state *st = pc->st;
	pte_t pte = ptep_get(ptep);
	struct vm_area_struct *vma = find_vma(pc->mm, addr);
	struct folio *folio;
	struct page *page;

	if (!vma || vma->vm_start > addr) {
		report(st, "PTE %llx at %lx outside every VMA", (unsigned long long)pte_val(pte),
		       addr);
		return 1;
	}
	if (!pte_present(pte)) {
		report(st, "non-present PTE %llx at %lx", (unsigned long long)pte_val(pte), addr);
		return 1;
	}
	if (is_zero_pfn(pte_pfn(pte))) {
		if (pte_write(pte))
			report(st, "zero page mapped writable at %lx", addr);
		return 0;
	}
	page = vm_normal_page(pte);
	if (!page) {
		report(st, "PTE at %lx maps pfn %lx outside mem_map", addr, pte_pfn(pte));
		return 1;
	}
	folio = page_folio(page);
	st->seen[page_to_pfn(page) - min_pfn]++;
	if (!folio_test_anon(folio) || !folio_anon_vma(folio))
		report(st, "pfn %lx at %lx: not an anon folio with an anon_vma", page_to_pfn(page),
		       addr);
	else if (!vma_linked_to(vma, folio_anon_vma(folio)))
		report(st, "pfn %lx at %lx: VMA not linked to the folio's anon_vma",
		       page_to_pfn(page), addr);
	else if (folio->page.index + (unsigned long)(page - &folio->page) !=
		 linear_page_index(vma, addr))
		report(st, "pfn %lx at %lx: index %lx, VMA says %lx", page_to_pfn(page), addr,
		       folio->page.index, linear_page_index(vma, addr));
	else if (pte_write(pte) && !PageAnonExclusive(page))
		report(st, "pfn %lx mapped writable at %lx but not exclusive", page_to_pfn(page),
		       addr);
	return st->failed;
}

static void check_mm(struct vm_check_state *st, struct mm_struct *mm)
{
	struct pte_check pc = { st, mm };
	struct vm_area_struct *vma;
	struct anon_vma_chain *avc;

	down_read(&mm->mmap_lock);
	spin_lock(&mm->page_table_lock);
	note_table(st, __pa(mm->pgd));
	note_tables(st, mm->pgd, 0, pgd_index(TASK_SIZE - 1));
	spin_unlock(&mm->page_table_lock);
	pgtable_walk_range(mm, 0, TASK_SIZE, check_pte, &pc);
	for_each_vma(mm, vma)
		list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
			note_anon_vma(st, avc->anon_vma);
	up_read(&mm->mmap_lock);
}

/* Check one allocated folio at head. Adds its pages to *used. */
static void check_folio(struct vm_check_state *st, struct folio *folio, unsigned long *used)
{
	unsigned long i, nr = folio_nr_pages(folio), pfn = folio_pfn(folio);
	int total = 0, ref = folio_ref_count(folio), pins = folio_pincount(folio);

	*used += nr;
	for (i = 0; i < nr; i++) {
		struct page *p = folio_page(folio, i);
		int seen = st->seen[pfn + i - min_pfn];

		if (PageFlag(p, PG_pgtable))
			continue;	/* checked below */
		if (seen >= TABLE_VISIT) {
			report(st, "pfn %lx used as a page table but not PG_pgtable", pfn + i);
			return;
		}
		if (page_mapcount(p) != seen) {
			report(st, "pfn %lx: mapcount %d, but %d PTEs map it", pfn + i,
			       page_mapcount(p), seen);
			return;
		}
		if (PageAnonExclusive(p) && seen > 1) {
			report(st, "pfn %lx: exclusive but mapped %d times", pfn + i, seen);
			return;
		}
		total += seen;
	}
	if (PageFlag(&folio->page, PG_pgtable)) {
		if (st->seen[pfn - min_pfn] != TABLE_VISIT)
			report(st, "page table pfn %lx: reached %d times, %d PTEs map it (leaked if 0)",
			       pfn, st->seen[pfn - min_pfn] / TABLE_VISIT,
			       SEEN_PTES(st->seen[pfn - min_pfn]));
		return;
	}
	if (folio_mapcount(folio) != total)
		report(st, "folio %lx: total mapcount %d, pages say %d", pfn,
		       folio_mapcount(folio), total);
	else if (ref < total + pins)
		report(st, "folio %lx: refcount %d < mapcount %d + pins %d", pfn, ref, total, pins);
	else if (folio_test_anon(folio) && ref != total + pins)
		report(st, "anon folio %lx leaked: refcount %d, mapcount %d, pins %d", pfn, ref,
		       total, pins);
	else if (folio_test_anon(folio))
		note_anon_vma(st, folio_anon_vma(folio));
}

static void check_mem_map(struct vm_check_state *st)
{
	unsigned long pfn = min_pfn, used = 0, free = nr_free_pages();

	while (pfn < max_pfn && !st->failed) {
		struct page *p = pfn_to_page(pfn);

		if (PageFlag(p, PG_buddy)) {
			pfn += 1UL << p->order;
			continue;
		}
		if (is_zero_pfn(pfn)) {
			used++;		/* managed, but reserved for good */
		} else if (PageFlag(p, PG_reserved)) {
			if (SEEN_PTES(st->seen[pfn - min_pfn]))
				report(st, "reserved pfn %lx mapped by a user PTE", pfn);
		} else if (!PageFlag(p, PG_tail) && folio_ref_count((struct folio *)p) > 0) {
			check_folio(st, (struct folio *)p, &used);
			pfn += folio_nr_pages((struct folio *)p);
			continue;
		} else if (st->seen[pfn - min_pfn]) {
			report(st, "free or tail pfn %lx mapped by a user PTE", pfn);
		}
		pfn++;
	}
	if (!st->failed && free + used != nr_managed_pages())
		report(st, "%lu free + %lu used pages != %lu managed", free, used,
		       nr_managed_pages());
}

bool vm_check(char *buf, size_t size)
{
	struct vm_check_state st = { .buf = buf, .size = size };
	struct mm_struct *mm;

	st.seen = kzalloc((max_pfn - min_pfn) * sizeof(int), GFP_KERNEL);
	st.avs = kmalloc(MAX_ANON_VMAS * sizeof(*st.avs), GFP_KERNEL);
	if (!st.seen || !st.avs) {
		snprintf(buf, size, "vm_check: out of memory");
		kfree(st.seen);
		kfree(st.avs);
		return false;
	}
	mutex_lock(&mm_list_lock);
	spin_lock(&init_mm.page_table_lock);
	note_tables(&st, init_mm.pgd, 0, PTRS_PER_TABLE - 1);
	spin_unlock(&init_mm.page_table_lock);
	list_for_each_entry(mm, &mm_list, mmlist) {
		check_mm(&st, mm);
		if (st.failed)
			break;
	}
	if (!st.failed)
		check_mem_map(&st);
	if (!st.failed && !st.avs_overflow &&
	    st.nr_avs != __atomic_load_n(&nr_anon_vmas, __ATOMIC_RELAXED))
		report(&st, "%lu anon_vmas exist, %lu reachable", nr_anon_vmas, st.nr_avs);
	mutex_unlock(&mm_list_lock);
	if (!st.failed)
		snprintf(buf, size, "ok");
	kfree(st.seen);
	kfree(st.avs);
	return !st.failed;
}

static void show_vm_check(struct seq_buf *s)
{
	char buf[160];

	vm_check(buf, sizeof(buf));
	seq_printf(s, "%s\n", buf);
}

void vm_check_init(void)
{
	if (sysfs_create_file("kernel/debug/vm_check", show_vm_check, NULL))
		printk("vm_check: cannot create /sys/kernel/debug/vm_check\n");
}
