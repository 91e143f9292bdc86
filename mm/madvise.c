/*
 * madvise(2) on anonymous memory: MADV_DONTNEED drops the pages of a range
 * (the next touch sees zeroes or the zero page), MADV_DONTFORK / DOFORK
 * set and clear VM_DONTCOPY (fork skips such VMAs), MADV_HUGEPAGE /
 * NOHUGEPAGE set VM_HUGEPAGE / VM_NOHUGEPAGE for the large-folio issue.
 * Flag changes split the VMAs at the range's edges and merge them back
 * where they become alike, as mprotect does.
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <mm/pgtable.h>

#include "internal.h"

#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_DONTFORK 10
#define MADV_DOFORK 11
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15

/* The VM_ flags behavior sets and clears; false for advice we do not know. */
static bool madvise_flags(int behavior, unsigned long *set, unsigned long *clear)
{
	*set = *clear = 0;
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
		return true;		/* no flag change (hints, or zapping) */
	case MADV_DONTFORK:
		*set = VM_DONTCOPY;
		return true;
	case MADV_DOFORK:
		*clear = VM_DONTCOPY;
		return true;
	case MADV_HUGEPAGE:
		*set = VM_HUGEPAGE;
		*clear = VM_NOHUGEPAGE;
		return true;
	case MADV_NOHUGEPAGE:
		*set = VM_NOHUGEPAGE;
		*clear = VM_HUGEPAGE;
		return true;
	default:
		return false;
	}
}

/* Zap the pages of [start, end) (every part of it mapped). mmap_lock held. */
static void madvise_dontneed(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	zap_page_range(&tlb, start, end);
	tlb_finish_mmu(&tlb);
}

long sys_madvise(unsigned long start, size_t len, int behavior)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	unsigned long set, clear, end, addr;
	bool unmapped = false;
	long ret = 0;

	if (!madvise_flags(behavior, &set, &clear))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if (len && !PAGE_ALIGN(len))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	down_write(&mm->mmap_lock);
	if (set | clear) {
		ret = vma_split_range(mm, start, end);
		if (ret)
			goto out;
	}
	/* Work on the mapped parts; a hole anywhere means ENOMEM at the end. */
	for (addr = start, vma = find_vma(mm, start); vma && vma->vm_start < end; vma = next) {
		unsigned long s = MAX(start, vma->vm_start), e = MIN(end, vma->vm_end);

		if (vma->vm_start > addr)
			unmapped = true;
		if (behavior == MADV_DONTNEED)
			madvise_dontneed(mm, s, e);
		if (set | clear) {
			vma->vm_flags = (vma->vm_flags & ~clear) | set;
			vma = vma_merge_neighbours(mm, vma);
		}
		addr = vma->vm_end;
		next = vma_next(vma);
	}
	if (addr < end)
		unmapped = true;
	ret = unmapped ? -ENOMEM : 0;
out:
	up_write(&mm->mmap_lock);
	return ret;
}
