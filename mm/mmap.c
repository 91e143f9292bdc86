/*
 * User address spaces: creation (mm_alloc), fork (dup_mm), teardown
 * (mmput), and the system calls that change the VMAs: mmap, munmap, brk.
 * The VMA tree itself is mm/vma.c; the pages are mm/memory.c's.
 *
 * Lock order (outer first):
 *   1. mm->mmap_lock (rwsem: read for faults, write for VMA changes);
 *      in fork, the parent's only: the child is not visible yet
 *   2. mm->page_table_lock (upper levels, PMD entries: the pmd lock)
 *   3. a PTE table's lock (the parent's, then the child's in fork; the
 *      old table's, then the new one's in mremap)
 *   4. slab and buddy locks (docs/design.md)
 * mmap_lock may sleep: never take it with a spinlock held.
 *
 * Address space layout: see include/mm/mmap.h. Only anonymous private
 * memory exists so far; pages come on first touch (mm/memory.c).
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/vfs.h>
#include <mm/pgtable.h>
#include <mm/rmap.h>
#include <mm/slab.h>

#include "internal.h"

/* Every user mm, for the debug checker (mm/debug_vm.c); the mutex nests
 * outside every mmap_lock. */
LIST_HEAD(mm_list);
DEFINE_MUTEX(mm_list_lock);

#define MAP_TYPE 0x0f			/* the sharing type bits of mmap flags */
#define MAP_SHARED_VALIDATE 0x03

/* PGD entries covering the user half (x86: 256; arm64 TTBR0: 512). */
#define USER_PTRS_PER_PGD (pgd_index(USER_VA_END - 1) + 1)

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	phys_addr_t pgd;

	if (!mm)
		return NULL;
	pgd = pgtable_alloc_page();
	if (!pgd) {
		kfree(mm);
		return NULL;
	}
	mm->pgd = __va(pgd);
	arch_pgd_init_user(mm->pgd);
	spin_lock_init_rank(&mm->page_table_lock, "mm->page_table_lock", LOCK_RANK_PAGE_TABLE);
	init_rwsem(&mm->mmap_lock);
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	mm->mmap_base = MMAP_BASE;
	mutex_lock(&mm_list_lock);
	list_add_tail(&mm->mmlist, &mm_list);
	mutex_unlock(&mm_list_lock);
	return mm;
}

/*
 * Free everything of an mm nobody uses any more: pages, page tables (the
 * user half only: an x86 pgd's kernel half points to the shared kernel
 * tables), the pgd, the VMAs and the mm.
 */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long i;

	mutex_lock(&mm_list_lock);
	list_del(&mm->mmlist);
	mutex_unlock(&mm_list_lock);
	unmap_region(mm, 0, TASK_SIZE);
	/*
	 * pgtable_unmap_range() keeps PGD entries: free the PUD tables. No CPU
	 * runs on mm any more (mmput()), nor GUP-fast, which walks only its
	 * own mm, so these need no gather.
	 */
	for (i = 0; i < USER_PTRS_PER_PGD; i++) {
		pgd_t pgd = READ_ONCE(mm->pgd[i]);

		if (pgd_table(pgd))
			pgtable_free_page(pgd_table_pa(pgd));
	}
	pgtable_free_page(__pa(mm->pgd));
	while ((vma = vma_first(mm))) {
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	kfree(mm);
}

/*
 * The last user must not be running on mm's tables any more (switch_mm to
 * another mm first): they are freed here.
 */
void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_users, 1, __ATOMIC_ACQ_REL) == 0)
		exit_mmap(mm);
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *new;
	int err = 0;

	if (!mm)
		return NULL;
	down_write(&oldmm->mmap_lock);
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->mmap_base = oldmm->mmap_base;
	/*
	 * Lockless GUP must not pin a page between our check for pins and
	 * the write-protection (mm/gup.c): it backs off while this is odd.
	 */
	WRITE_ONCE(oldmm->write_protect_seq, oldmm->write_protect_seq + 1);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for_each_vma(oldmm, vma) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = vm_area_dup(vma);
		if (!new) {
			err = -ENOMEM;
			break;
		}
		new->vm_mm = mm;
		if (anon_vma_fork(new, vma)) {
			vm_area_free(new);
			err = -ENOMEM;
			break;
		}
		vma_link(mm, new);
		err = copy_page_range(new, vma);
		if (err)
			break;
	}
	/* The parent's PTEs were write-protected: drop its writable entries. */
	flush_tlb_mm(oldmm);
	__atomic_store_n(&oldmm->write_protect_seq, oldmm->write_protect_seq + 1,
			 __ATOMIC_RELEASE);
	up_write(&oldmm->mmap_lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * Linux's heuristic overcommit: refuse a single request for more pages than
 * the machine has; anything smaller may succeed and fail later at fault.
 */
static bool vm_enough_memory(unsigned long pages)
{
	return pages <= nr_managed_pages();
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + len;
	struct vm_area_struct *vma, *next;
	int err;

	if (!find_vma_intersection(mm, start, end))
		return 0;
	err = vma_split_range(mm, start, end);
	if (err)
		return err;
	unmap_region(mm, start, end);
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	return 0;
}

/* VM_* flags for mmap's PROT_* bits. */
static unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * Where an anonymous private mapping of len bytes (page aligned) goes: the
 * hint, addr itself (MAP_FIXED: replacing what is there), or a free gap.
 * mmap_lock held for writing. Returns the address or -errno.
 */
static long mmap_addr(struct mm_struct *mm, unsigned long addr, unsigned long len,
			unsigned long flags)
{
	int err;

	if (!(flags & MAP_FIXED))
		return get_unmapped_area(mm, addr, len);
	if (!find_vma_intersection(mm, addr, addr + len))
		return (long)addr;
	if (flags & MAP_FIXED_NOREPLACE)
		return -EEXIST;
	err = do_munmap(mm, addr, len);
	return err ? err : (long)addr;
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	long ret;

	if (offset_in_page(off))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		struct file *f = fget((int)fd);

		if (!f)
			return -EBADF;
		fput(f);
	}
	if (!len || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	/* No file has an mmap method yet: Linux says -ENODEV for those. */
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		return -EINVAL;		/* shared anonymous memory: not yet */
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (flags & MAP_FIXED) {
		if (offset_in_page(addr))
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
	}
	vm_flags = calc_vm_prot_bits(prot);
	if ((vm_flags & VM_WRITE) && !vm_enough_memory(len >> PAGE_SHIFT))
		return -ENOMEM;

	down_write(&mm->mmap_lock);
	ret = mmap_addr(mm, addr, len, flags);
	if (ret >= 0) {
		addr = (unsigned long)ret;
		ret = vma_map_anon(mm, addr, addr + len, vm_flags, NULL);
		if (!ret)
			ret = (long)addr;
	}
	up_write(&mm->mmap_lock);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (offset_in_page(addr) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	down_write(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	up_write(&mm->mmap_lock);
	return ret;
}

/*
 * brk(2), as Linux: move the end of the heap [start_brk, brk) to brk and
 * return the new end; on any failure (and for brk(0)) return the current
 * end unchanged. The heap VMA, "[heap]", covers the whole pages.
 */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;

	down_write(&mm->mmap_lock);
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk) {
		mm->brk = brk;
	} else if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk) == 0)
			mm->brk = brk;
	} else if (newbrk + PAGE_SIZE <= TASK_SIZE &&	/* a guard page below the next VMA */
		   !find_vma_intersection(mm, oldbrk, newbrk + PAGE_SIZE) &&
		   vm_enough_memory((newbrk - oldbrk) >> PAGE_SHIFT) &&
		   vma_map_anon(mm, oldbrk, newbrk, VM_READ | VM_WRITE, "[heap]") == 0) {
		mm->brk = brk;
	}
out:
	brk = mm->brk;
	up_write(&mm->mmap_lock);
	return (long)brk;
}
