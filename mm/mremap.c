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

struct move_details {
	struct mm_struct *mm;
	unsigned long old_addr, new_addr;
};

/* pgtable_walk_range() callback: move one entry to the new address. */
static int move_pte(pte_t *old_ptep, unsigned long addr, void *arg)
{
	struct move_details *m = arg;
	unsigned long new_addr = m->new_addr + (addr - m->old_addr);
	pte_t *new_ptep = pte_alloc_walk(m->mm, new_addr), pte;

	if (!new_ptep)
		return -ENOMEM;
	pte = ptep_get_and_clear(m->mm, addr, old_ptep);
	set_ptes(m->mm, new_addr, new_ptep, pte, 1);
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
	struct move_details m = { mm, old_addr, new_addr };
	struct vm_area_struct *new;
	int err;

	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (anon_vma_clone(new, vma)) {
		vm_area_free(new);
		return -ENOMEM;
	}
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	vma_link(mm, new);

	spin_lock(&mm->page_table_lock);
	err = pgtable_walk_range(mm, old_addr, old_addr + len, move_pte, &m);
	spin_unlock(&mm->page_table_lock);
	flush_tlb_range(mm, old_addr, old_addr + len);
	if (err) {
		/* Keep what moved (the new VMA owns it), drop the rest. */
		unmap_region(mm, old_addr, old_addr + len);
	} else {
		spin_lock(&mm->page_table_lock);
		WARN_ON(pgtable_unmap_range(mm, old_addr, len));
		spin_unlock(&mm->page_table_lock);
	}
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
