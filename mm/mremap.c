/*
 * mremap(2) on anonymous memory: shrink (unmap the tail), grow in place
 * when the pages after the VMA are free, or move (MREMAP_MAYMOVE, or
 * MREMAP_FIXED to a given address). A move carries the page-table entries
 * over to the new address, not the data: each present PTE is cleared at
 * the old address and set at the new one, so folios keep their mapcounts,
 * exclusive bits, pins and rmap (the new VMA keeps the old vm_pgoff and is
 * linked to the same anon_vmas, so folio->index still finds the page).
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <mm/pgtable.h>
#include <mm/rmap.h>

#include "internal.h"

#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2

/*
 * Move the present PTEs of [old_addr, old_addr + len) (inside one PMD
 * entry) to new_addr (inside one PMD entry, whose PTE table exists). Takes
 * the old table's PTE lock, then the new table's nested inside it when it
 * is another table. mmap_lock held for writing.
 */
static void move_ptes(struct mm_struct *mm, pmd_t *old_pmd, unsigned long old_addr,
		      pmd_t *new_pmd, unsigned long new_addr, unsigned long len)
{
	spinlock_t *old_ptl, *new_ptl;
	pte_t *old_ptep, *new_ptep;
	unsigned long end = old_addr + len;

	old_ptep = pte_offset_map_lock(mm, old_pmd, old_addr, &old_ptl);
	if (!old_ptep)
		return;
	new_ptl = pte_lockptr(mm, new_pmd);
	if (new_ptl != old_ptl)
		spin_lock(new_ptl);
	new_ptep = pte_offset_kernel(new_pmd, new_addr);
	for (; old_addr != end; old_addr += PAGE_SIZE, new_addr += PAGE_SIZE, old_ptep++,
	     new_ptep++) {
		pte_t pte = ptep_get(old_ptep);

		if (pte_none(pte))
			continue;
		pte = ptep_get_and_clear(mm, old_addr, old_ptep);
		set_ptes(mm, new_addr, new_ptep, pte, 1);
	}
	if (new_ptl != old_ptl)
		spin_unlock(new_ptl);
	pte_unmap_unlock(old_ptep, old_ptl);
}

/*
 * Move the entries of [old_addr, old_addr + len) to new_addr, a PMD entry's
 * worth at most at a time, allocating the new tables first (no PTE lock
 * held then). mmap_lock held for writing. Returns 0 or -ENOMEM (the
 * entries moved so far stay moved).
 */
static int move_page_tables(struct mm_struct *mm, unsigned long old_addr,
			    unsigned long new_addr, unsigned long len)
{
	unsigned long done, extent;
	pmd_t *old_pmd, *new_pmd;

	for (done = 0; done < len; done += extent) {
		unsigned long old = old_addr + done, new = new_addr + done;

		extent = MIN(pmd_addr_end(old, old_addr + len) - old,
			     pmd_addr_end(new, new_addr + len) - new);
		old_pmd = mm_find_pmd(mm, old);
		if (!old_pmd || !pmd_table(READ_ONCE(*old_pmd)))
			continue;
		new_pmd = pmd_alloc_walk(mm, new);
		if (!new_pmd || pte_alloc(mm, new_pmd))
			return -ENOMEM;
		move_ptes(mm, old_pmd, old, new_pmd, new, extent);
	}
	return 0;
}

/*
 * Move the VMA that is exactly [old_addr, old_addr + len) to new_addr (a
 * free range of new_len >= len bytes), with its pages. mmap_lock held for
 * writing. Returns new_addr or -ENOMEM (then nothing moved... except the
 * entries moved before a page-table allocation failed, which stay valid
 * in the new VMA).
 */
static long move_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long new_addr,
		     unsigned long new_len)
{
	unsigned long old_addr = vma->vm_start, len = vma->vm_end - vma->vm_start;
	struct vm_area_struct *new;
	int err;

	new = vm_area_dup_anon(vma);
	if (!new)
		return -ENOMEM;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	vma_link(mm, new);

	err = move_page_tables(mm, old_addr, new_addr, len);
	flush_tlb_range(mm, old_addr, old_addr + len);
	/*
	 * Drop what did not move (on error; the new VMA owns what did) and
	 * free the old tables, after their flush.
	 */
	unmap_region(mm, old_addr, old_addr + len);
	vma_unlink(mm, vma);
	vm_area_free(vma);
	vma_merge_neighbours(mm, new);
	return err ? err : (long)new_addr;
}

/* Grow vma (ending at addr + old_len) in place to new_len, if free. */
static bool grow_in_place(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
			  unsigned long old_len, unsigned long new_len)
{
	unsigned long end = addr + new_len;

	if (vma->vm_end != addr + old_len || end > TASK_SIZE || end < addr ||
	    find_vma_intersection(mm, vma->vm_end, end))
		return false;
	vma->vm_end = end;
	vma_merge_neighbours(mm, vma);
	return true;
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long ret;

	/* Linux's checks, in Linux's order. */
	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (offset_in_page(addr))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	if (flags & MREMAP_FIXED) {
		if (offset_in_page(new_addr))
			return -EINVAL;
		if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;	/* the ranges overlap */
		if (new_addr < MMAP_MIN_ADDR)
			return -EPERM;
	}

	down_write(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		ret = -EFAULT;
		goto out;
	}
	/* Private memory: old_len 0 (duplicate a shared mapping) is not allowed. */
	if (!old_len || old_len > vma->vm_end - addr) {
		ret = old_len ? -EFAULT : -EINVAL;
		goto out;
	}
	if (flags & MREMAP_FIXED) {
		ret = do_munmap(mm, new_addr, new_len);
		if (!ret && old_len > new_len) {
			ret = do_munmap(mm, addr + new_len, old_len - new_len);
			old_len = new_len;
		}
		if (ret)
			goto out;
	} else if (new_len <= old_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (!ret)
			ret = (long)addr;
		goto out;
	} else {
		if (grow_in_place(mm, vma, addr, old_len, new_len)) {
			ret = (long)addr;
			goto out;
		}
		if (!(flags & MREMAP_MAYMOVE)) {
			ret = -ENOMEM;
			goto out;
		}
		ret = get_unmapped_area(mm, 0, new_len);
		if (ret < 0)
			goto out;
		new_addr = (unsigned long)ret;
	}
	ret = vma_split_range(mm, addr, addr + old_len);
	if (!ret)
		ret = move_vma(mm, find_vma(mm, addr), new_addr, new_len);
out:
	up_write(&mm->mmap_lock);
	return ret;
}
