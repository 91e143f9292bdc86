/*
 * The binary per-page files of /proc (uapi.md "Files that expose memory
 * state"), 8 bytes per page, read at offset:
 *
 *   /proc/<pid>/pagemap   Linux's format, one entry per virtual page
 *   /proc/<pid>/pageinfo  ours: the mm's view of each virtual page (the
 *                         exclusive bit, mapcount, pin count, zero page)
 *   /proc/kpageflags      Linux's format, one entry per physical frame
 *
 * A virtual-page file is read in batches: under mmap_lock (read) and
 * each PTE table's lock, walk the batch's PTEs into a kernel buffer, then
 * drop them and copy the buffer out (the copy may fault on this very mm).
 * Entries are snapshots: a page may change as soon as the lock is gone.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <kernel/vfs.h>
#include <mm/pgtable.h>
#include <mm/proc_files.h>
#include <mm/slab.h>

#include "internal.h"

#define PM_ENTRY_BYTES 8
#define PM_BATCH 512		/* entries per walk (one page of buffer) */

/* pagemap bits (Linux's fs/proc/task_mmu.c). */
#define PM_PFRAME_MASK ((1ULL << 55) - 1)
#define PM_MMAP_EXCLUSIVE (1ULL << 56)
#define PM_FILE (1ULL << 61)
#define PM_SWAP (1ULL << 62)
#define PM_PRESENT (1ULL << 63)

/* pageinfo bits (uapi.md). */
#define PI_PRESENT (1ULL << 0)
#define PI_SWAPPED (1ULL << 1)
#define PI_WRITE (1ULL << 2)
#define PI_ANON_EXCLUSIVE (1ULL << 3)
#define PI_CONT (1ULL << 4)
#define PI_PMD (1ULL << 5)
#define PI_ZERO_PAGE (1ULL << 6)
#define PI_ORDER_SHIFT 8
#define PI_MAPCOUNT_SHIFT 16
#define PI_PINCOUNT_SHIFT 32
#define PI_FIELD_MAX 0xffffULL	/* mapcount and pin count saturate here */

/* kpageflags bits (Linux's include/uapi/linux/kernel-page-flags.h). */
#define KPF_LOCKED 0
#define KPF_SLAB 7
#define KPF_BUDDY 10
#define KPF_MMAP 11
#define KPF_ANON 12
#define KPF_SWAPBACKED 14
#define KPF_COMPOUND_HEAD 15
#define KPF_COMPOUND_TAIL 16
#define KPF_NOPAGE 20
#define KPF_THP 22
#define KPF_ZERO_PAGE 24
#define KPF_PGTABLE 26
#define KPF_RESERVED 32

/* One PTE as an entry of a virtual-page file. Its PTE lock held. */
typedef u64 (*pte_to_entry_t)(pte_t pte);

struct entry_walk {
	u64 *entries;			/* entries[0] is for addr start */
	unsigned long start;
	pte_to_entry_t encode;
};

static int walk_entry(pte_t *ptep, unsigned long addr, void *arg)
{
	struct entry_walk *w = arg;

	w->entries[(addr - w->start) >> PAGE_SHIFT] = w->encode(ptep_get(ptep));
	return 0;
}

/* The struct page a present user PTE maps, or NULL (no memmap behind it). */
static struct page *user_pte_page(pte_t pte)
{
	return pfn_valid(pte_pfn(pte)) ? pfn_to_page(pte_pfn(pte)) : NULL;
}

static u64 saturate(unsigned long v)
{
	return MIN((u64)v, PI_FIELD_MAX);
}

/*
 * Linux's pte_to_pagemap_entry(): the PFN and present bit; "exclusively
 * mapped" when the page has one mapping; "file/shared-anon" for a page
 * that is not anonymous. The zero page (not a normal page) gets neither.
 */
static u64 pagemap_entry(pte_t pte)
{
	struct page *page;
	u64 e;

	if (!pte_present(pte))
		return 0;	/* swap entries come with the swap issue */
	e = PM_PRESENT | (pte_pfn(pte) & PM_PFRAME_MASK);
	page = user_pte_page(pte);
	if (!page || is_zero_pfn(pte_pfn(pte)))
		return e;
	if (!folio_test_anon(page_folio(page)))
		e |= PM_FILE;
	if (page_mapcount(page) == 1)
		e |= PM_MMAP_EXCLUSIVE;
	return e;
}

static u64 pageinfo_entry(pte_t pte)
{
	struct folio *folio;
	struct page *page;
	u64 e;

	if (!pte_present(pte))
		return 0;
	e = PI_PRESENT | (pte_write(pte) ? PI_WRITE : 0);
	if (is_zero_pfn(pte_pfn(pte)))
		return e | PI_ZERO_PAGE;
	page = user_pte_page(pte);
	if (!page)
		return e;
	folio = page_folio(page);
	if (folio_test_anon(folio) && PageAnonExclusive(page))
		e |= PI_ANON_EXCLUSIVE;
	e |= (u64)folio_order(folio) << PI_ORDER_SHIFT;
	e |= saturate((unsigned long)page_mapcount(page)) << PI_MAPCOUNT_SHIFT;
	e |= saturate((unsigned long)folio_pincount(folio)) << PI_PINCOUNT_SHIFT;
	return e;
}

/*
 * read() of a virtual-page file: n bytes at pos (both multiples of 8, else
 * -EINVAL as Linux) cover the pages from vpn pos / 8; nothing past the
 * user address space (0 bytes). Bytes copied or -errno.
 */
static ssize_t read_page_entries(struct mm_struct *mm, char __user *buf, size_t n, loff_t pos,
				 pte_to_entry_t encode)
{
	unsigned long vpn = (unsigned long)pos / PM_ENTRY_BYTES;
	unsigned long end_vpn = TASK_SIZE >> PAGE_SHIFT;
	struct entry_walk w = { .encode = encode };
	size_t done = 0;

	if (pos < 0 || pos % PM_ENTRY_BYTES || n % PM_ENTRY_BYTES)
		return -EINVAL;
	if (vpn >= end_vpn || !n)
		return 0;
	n = MIN(n, (end_vpn - vpn) * PM_ENTRY_BYTES);
	w.entries = kmalloc(PM_BATCH * PM_ENTRY_BYTES, GFP_KERNEL);
	if (!w.entries)
		return -ENOMEM;
	while (done < n) {
		unsigned long nr = MIN((unsigned long)PM_BATCH, (n - done) / PM_ENTRY_BYTES);

		memset(w.entries, 0, nr * PM_ENTRY_BYTES);
		w.start = vpn << PAGE_SHIFT;
		down_read(&mm->mmap_lock);
		pgtable_walk_range(mm, w.start, w.start + nr * PAGE_SIZE, walk_entry, &w);
		up_read(&mm->mmap_lock);
		if (copy_to_user(buf + done, w.entries, nr * PM_ENTRY_BYTES)) {
			if (!done)
				done = (size_t)-EFAULT;
			break;
		}
		done += nr * PM_ENTRY_BYTES;
		vpn += nr;
	}
	kfree(w.entries);
	return (ssize_t)done;
}

static ssize_t pagemap_read(struct mm_struct *mm, char __user *buf, size_t n, loff_t pos)
{
	return read_page_entries(mm, buf, n, pos, pagemap_entry);
}

static ssize_t pageinfo_read(struct mm_struct *mm, char __user *buf, size_t n, loff_t pos)
{
	return read_page_entries(mm, buf, n, pos, pageinfo_entry);
}

/* Linux's stable_page_flags() for the flags we have. */
static u64 kpageflags_entry(unsigned long pfn)
{
	struct page *page;
	struct folio *folio;
	u64 f = 0;

	if (!pfn_valid(pfn))
		return 1ULL << KPF_NOPAGE;
	page = pfn_to_page(pfn);
	folio = page_folio(page);
	if (is_zero_pfn(pfn))
		f |= 1ULL << KPF_ZERO_PAGE;
	if (PageFlag(page, PG_buddy))
		f |= 1ULL << KPF_BUDDY;
	if (PageFlag(page, PG_reserved))
		f |= 1ULL << KPF_RESERVED;
	if (PageFlag(page, PG_slab))
		f |= 1ULL << KPF_SLAB;
	if (PageFlag(page, PG_pgtable))
		f |= 1ULL << KPF_PGTABLE;
	if (PageFlag(page, PG_head))
		f |= 1ULL << KPF_COMPOUND_HEAD;
	if (PageFlag(page, PG_tail))
		f |= 1ULL << KPF_COMPOUND_TAIL;
	if (PageFlag(&folio->page, PG_locked))
		f |= 1ULL << KPF_LOCKED;
	if (!PageFlag(page, PG_buddy) && page_mapcount(page) > 0)
		f |= 1ULL << KPF_MMAP;
	if (!PageFlag(page, PG_buddy) && folio_test_anon(folio)) {
		f |= 1ULL << KPF_ANON | 1ULL << KPF_SWAPBACKED;
		if (folio_order(folio) == HPAGE_PMD_ORDER)
			f |= 1ULL << KPF_THP;
	}
	return f;
}

/* /proc/kpageflags: entries for pfn pos / 8 on, up to the last frame. */
static ssize_t kpageflags_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	unsigned long pfn = (unsigned long)*pos / PM_ENTRY_BYTES;
	size_t done = 0;
	u64 e;

	(void)file;
	if (*pos % PM_ENTRY_BYTES || n % PM_ENTRY_BYTES)
		return -EINVAL;
	for (; done < n && pfn < max_pfn; pfn++, done += PM_ENTRY_BYTES) {
		e = kpageflags_entry(pfn);
		if (copy_to_user(buf + done, &e, sizeof(e)))
			return done ? (ssize_t)done : -EFAULT;
	}
	*pos += done;
	return (ssize_t)done;
}

static const struct file_operations kpageflags_fops = {
	.read = kpageflags_read,
	.llseek = no_seek_end_llseek,
};

void proc_pagemap_init(void)
{
	if (proc_pid_create_read("pagemap", pagemap_read) ||
	    proc_pid_create_read("pageinfo", pageinfo_read) ||
	    proc_create_ops("kpageflags", 0400, &kpageflags_fops))
		printk("proc: cannot create pagemap, pageinfo or kpageflags\n");
}
