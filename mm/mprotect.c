/*
 * mprotect(2): change the access rights of a range of anonymous memory.
 * The VMAs at the edges are split, each VMA inside gets the new VM_READ /
 * VM_WRITE / VM_EXEC, neighbours that became alike merge again, and every
 * present PTE gets the new protection (pte_modify) before one TLB flush.
 *
 * A PTE becomes writable here only if its page is anonymous and exclusive
 * (mm-semantics.md 3, rule 1): a shared page stays read-only and its next
 * write fault decides between reuse and copy; the zero page never becomes
 * writable.
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <mm/pgtable.h>

#include "internal.h"

struct change_prot {
	struct mmu_gather *tlb;
	pgprot_t prot;
	bool writable;		/* the VMA has VM_WRITE */
};

/* pgtable_walk_range() callback: give one present PTE the new protection.
 * Its PTE lock held. */
static int change_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct change_prot *c = arg;
	struct mm_struct *mm = c->tlb->mm;
	pte_t old = ptep_get(ptep), pte;
	struct page *page;

	if (!pte_present(old))
		return 0;
	pte = pte_modify(old, c->prot);
	if (c->writable) {
		page = vm_normal_page(old);
		if (!page || !PageAnonExclusive(page))
			pte = pte_wrprotect(pte);
	}
	if (pte_val(pte) != pte_val(old)) {
		/* Clear first: no CPU may mix the old and new entry. */
		ptep_get_and_clear(mm, addr, ptep);
		set_pte(ptep, pte);
		tlb_add_range(c->tlb, addr, addr + PAGE_SIZE);
	}
	return 0;
}

/*
 * Set vm_flags on vma (covering exactly the range to change) and change
 * its PTEs into tlb. mmap_lock held for writing; takes the PTE locks.
 */
static void change_protection(struct mmu_gather *tlb, struct vm_area_struct *vma,
			      unsigned long vm_flags)
{
	struct change_prot c = { tlb, vm_get_page_prot(vm_flags), vm_flags & VM_WRITE };

	vma->vm_flags = vm_flags;
	pgtable_walk_range(vma->vm_mm, vma->vm_start, vma->vm_end, change_pte, &c);
}

#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	unsigned long end, newflags, addr;
	struct mmu_gather tlb;
	long ret = 0;

	/* Linux's order of checks, so that errors match. */
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len || end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (end > TASK_SIZE)
		return -ENOMEM;
	newflags = (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
		   (prot & PROT_EXEC ? VM_EXEC : 0);

	down_write(&mm->mmap_lock);
	/* As Linux: the whole range must be mapped, else ENOMEM (and no change). */
	for (addr = start, vma = find_vma(mm, start); addr < end; vma = vma_next(vma)) {
		if (!vma || vma->vm_start > addr) {
			ret = -ENOMEM;
			goto out;
		}
		addr = vma->vm_end;
	}
	ret = vma_split_range(mm, start, end);
	if (ret)
		goto out;
	tlb_gather_mmu(&tlb, mm);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = next) {
		change_protection(&tlb, vma, (vma->vm_flags & ~VM_ACCESS_FLAGS) | newflags);
		vma = vma_merge_neighbours(mm, vma);
		next = vma_next(vma);
	}
	tlb_finish_mmu(&tlb);
out:
	up_write(&mm->mmap_lock);
	return ret;
}
