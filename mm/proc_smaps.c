/*
 * /proc/<pid>/smaps: for each VMA its maps line, then what its pages use,
 * in Linux's format (fs/proc/task_mmu.c show_smap):
 *
 *   Size / KernelPageSize / MMUPageSize   the VMA and its page size
 *   Rss        pages mapped (not the shared zero page: Linux counts only
 *              normal pages)
 *   Pss        each page divided by the number of its mappings
 *   Shared_*   pages mapped more than once; Private_* the rest; anonymous
 *              pages are always dirty (swap-backed), others clean
 *   Anonymous  anonymous pages; AnonHugePages the PMD-mapped part of it
 *   Swap       swapped-out entries (the swap issue fills this in)
 *
 * Counted under mmap_lock (read, held by procfs around show) and each
 * PTE table's lock.
 */
#include <kernel/printk.h>
#include <kernel/seq_buf.h>
#include <kernel/vfs.h>
#include <mm/pgtable.h>
#include <mm/proc_files.h>

#include "internal.h"

/* Pss is kept in 1/PSS_SHIFT fractions of a byte, as Linux does. */
#define PSS_SHIFT 12

struct mem_size_stats {
	unsigned long resident, anonymous, anonymous_thp, swap;
	unsigned long shared_clean, shared_dirty, private_clean, private_dirty;
	u64 pss;
};

static int smaps_pte_entry(pte_t *ptep, unsigned long addr, void *arg)
{
	struct mem_size_stats *mss = arg;
	pte_t pte = ptep_get(ptep);
	struct folio *folio;
	struct page *page;
	int mapcount;
	bool anon;

	(void)addr;
	if (!pte_present(pte) || is_zero_pfn(pte_pfn(pte)) || !pfn_valid(pte_pfn(pte)))
		return 0;
	page = pfn_to_page(pte_pfn(pte));
	folio = page_folio(page);
	anon = folio_test_anon(folio);
	mapcount = MAX(page_mapcount(page), 1);
	mss->resident += PAGE_SIZE;
	if (anon)
		mss->anonymous += PAGE_SIZE;
	mss->pss += ((u64)PAGE_SIZE << PSS_SHIFT) / (unsigned int)mapcount;
	if (mapcount >= 2) {
		if (anon)
			mss->shared_dirty += PAGE_SIZE;
		else
			mss->shared_clean += PAGE_SIZE;
	} else if (anon) {
		mss->private_dirty += PAGE_SIZE;
	} else {
		mss->private_clean += PAGE_SIZE;
	}
	return 0;
}

static void show_kb(struct seq_buf *s, const char *name, unsigned long bytes)
{
	seq_printf(s, "%-16s%8lu kB\n", name, bytes >> 10);
}

/* VmFlags: Linux's two-letter names of the flags we have. */
static void show_vm_flags(struct seq_buf *s, unsigned long f)
{
	static const struct {
		unsigned long flag;
		char name[3];
	} names[] = {
		{ VM_READ, "rd" }, { VM_WRITE, "wr" }, { VM_EXEC, "ex" }, { VM_SHARED, "sh" },
		{ VM_GROWSDOWN, "gd" }, { VM_DONTCOPY, "dc" }, { VM_HUGEPAGE, "hg" },
		{ VM_NOHUGEPAGE, "nh" },
	};
	size_t i;

	seq_printf(s, "VmFlags:");
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (f & names[i].flag)
			seq_printf(s, " %s", names[i].name);
	seq_printf(s, "\n");
}

/* mmap_lock held for reading (procfs takes it around show). */
static void show_smaps(struct seq_buf *s, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	for_each_vma(mm, vma) {
		struct mem_size_stats mss = { 0 };

		pgtable_walk_range(mm, vma->vm_start, vma->vm_end, smaps_pte_entry, &mss);
		show_map_vma(s, vma);
		show_kb(s, "Size:", vma->vm_end - vma->vm_start);
		show_kb(s, "KernelPageSize:", PAGE_SIZE);
		show_kb(s, "MMUPageSize:", PAGE_SIZE);
		show_kb(s, "Rss:", mss.resident);
		show_kb(s, "Pss:", (unsigned long)(mss.pss >> PSS_SHIFT));
		show_kb(s, "Shared_Clean:", mss.shared_clean);
		show_kb(s, "Shared_Dirty:", mss.shared_dirty);
		show_kb(s, "Private_Clean:", mss.private_clean);
		show_kb(s, "Private_Dirty:", mss.private_dirty);
		show_kb(s, "Anonymous:", mss.anonymous);
		show_kb(s, "AnonHugePages:", mss.anonymous_thp);
		show_kb(s, "Swap:", mss.swap);
		show_vm_flags(s, vma->vm_flags);
	}
}

void proc_smaps_init(void)
{
	if (proc_pid_create("smaps", show_smaps))
		printk("proc: cannot create smaps\n");
}
