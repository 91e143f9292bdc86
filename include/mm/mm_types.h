/*
 * struct mm_struct (one address space) and struct vm_area_struct (one
 * mapped range of it). init_mm describes the kernel's own tables; user
 * address spaces are made by mm_alloc() / dup_mm() (mm/mmap.c).
 *
 * Locking: mmap_lock (read for faults, write for changing VMAs) protects
 * the VMA tree and the VMA fields; page_table_lock protects the upper
 * levels of the tables and the PMD entries, each PTE table has its own
 * lock (include/mm/pgtable.h). Order: mmap_lock, page_table_lock, PTE lock.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include <kernel/list.h>
#include <kernel/mutex.h>
#include <kernel/rbtree.h>
#include <mm/arch.h>

/* vm_flags: Linux's values. */
#define VM_NONE 0x00000000UL
#define VM_READ 0x00000001UL
#define VM_WRITE 0x00000002UL
#define VM_EXEC 0x00000004UL
#define VM_SHARED 0x00000008UL
#define VM_GROWSDOWN 0x00000100UL	/* the main thread's stack */
#define VM_DONTCOPY 0x00020000UL	/* MADV_DONTFORK */
#define VM_HUGEPAGE 0x20000000UL	/* MADV_HUGEPAGE */
#define VM_NOHUGEPAGE 0x40000000UL	/* MADV_NOHUGEPAGE */

struct mm_struct;
struct anon_vma;

struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	unsigned long vm_flags;		/* VM_* */
	struct mm_struct *vm_mm;
	struct rb_node vm_rb;		/* in mm->mm_rb, ordered by address */
	const char *name;		/* "[heap]", "[stack]" or NULL (maps) */
	unsigned long vm_pgoff;		/* linear page index of vm_start: anon
					 * folio->index is relative to it */
	struct anon_vma *anon_vma;	/* where new anon folios point (rmap.c);
					 * NULL until the first one */
	struct list_head anon_vma_chain; /* its anon_vma_chains (rmap.c) */
};

struct mm_struct {
	pgd_t *pgd;			/* top-level table (direct-map address) */
	spinlock_t page_table_lock;	/* PGD/PUD/PMD entries (pmd_lock) */
	struct rb_root mm_rb;		/* the VMAs */
	int map_count;			/* number of VMAs */
	struct rw_semaphore mmap_lock;
	int mm_users;			/* tasks using it (threads) */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long mmap_base;	/* mmap searches down from here */
	unsigned long nr_anon_pages;	/* resident anonymous pages */
	struct list_head mmlist;	/* on the list of all mms (mm/mmap.c) */
	unsigned int write_protect_seq;	/* odd while fork write-protects this
					 * mm's pages (lockless GUP checks it) */
	u64 cpu_mask;			/* CPUs that may hold TLB entries of
					 * this mm (set by switch_mm; a
					 * cpumask_t, include/kernel/smp.h) */
};

extern struct mm_struct init_mm;

#endif
