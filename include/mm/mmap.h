/*
 * User address spaces (mm/mmap.c, mm/memory.c): creation, fork, teardown,
 * VMAs and the calls that change them, and the page-fault entry.
 *
 * User layout (both architectures):
 *
 *   0x0000000000400000  program (ELF PT_LOAD segments)
 *   ...                 heap: [start_brk, brk), grows up (brk)
 *   ...                 mmap area, allocated top-down from mmap_base
 *   STACK_TOP - 8 MiB   lowest address the main-thread stack may grow to
 *   ...                 [stack]: exec maps the arguments plus 128 KiB;
 *                       faults below it grow it down (expand_stack(),
 *                       mm/memory.c) to RLIMIT_STACK, keeping a guard
 *                       gap of 256 pages above the next lower VMA
 *   STACK_TOP           0x00007ffffffff000
 */
#ifndef MM_MMAP_H
#define MM_MMAP_H

#include <kernel/resource.h>
#include <mm/mm_types.h>

#define STACK_TOP 0x00007ffffffff000UL
#define STACK_SIZE _STK_LIM	/* kept free for the stack: RLIMIT_STACK */
#define MMAP_BASE (STACK_TOP - STACK_SIZE - (1UL << 30))
#define MMAP_MIN_ADDR 0x10000UL		/* nothing is mapped below */

/* mmap prot/flags (Linux values). */
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED_NOREPLACE 0x100000

/* Page-fault flags from the arch handler. */
#define FAULT_FLAG_WRITE 0x1	/* the access was a write */
#define FAULT_FLAG_EXEC 0x2	/* an instruction fetch */
#define FAULT_FLAG_USER 0x4	/* from user mode (else a uaccess in the kernel) */
#define FAULT_FLAG_PRESENT 0x8	/* the entry was present (a permission fault) */
#define FAULT_FLAG_UNSHARE 0x10	/* GUP: make the page exclusive, keep it read-only */

/* A new, empty address space (kernel half shared), mm_users = 1. */
struct folio;

struct mm_struct *mm_alloc(void);
/* fork: a copy of oldmm (VMAs and contents). NULL on -ENOMEM. */
struct mm_struct *dup_mm(struct mm_struct *oldmm);
/* Drop a user; the last one frees every page, table and VMA. */
void mmput(struct mm_struct *mm);

/* The first VMA with vm_end > addr, or NULL. mmap_lock held. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/*
 * Map an anonymous private range [start, start + len) with vm_flags at a
 * fixed address, for exec (program segments, stack). mmap_lock held for
 * writing. Returns 0 or -ENOMEM / -EEXIST (overlap) / -EINVAL.
 */
int vm_map_anon_fixed(struct mm_struct *mm, unsigned long start, unsigned long len,
		      unsigned long vm_flags, const char *name);

/*
 * Map a freshly allocated order-0 folio (refcount 1, which the mapping
 * takes over) at page-aligned addr of vma, whose PTE must be empty; used by
 * exec to place program data without write access to read-only VMAs.
 * mmap_lock held. Returns 0, -EEXIST or -ENOMEM. (mm/memory.c, sharing the
 * fault path's PTE installation.)
 */
int vm_insert_folio(struct vm_area_struct *vma, unsigned long addr, struct folio *folio);

/*
 * Resolve a fault at user address addr in the current task's mm. Called by
 * the arch fault handler with interrupts enabled and no locks held (it takes
 * mmap_lock itself). Returns 0 if the access can be retried; -EFAULT if
 * there is no VMA or the access is not allowed (the caller sends SIGSEGV or
 * fixes up a uaccess); -ENOMEM when out of memory.
 */
int handle_user_fault(unsigned long addr, unsigned int flags);

/*
 * Resolve a fault at addr in vma, whose access flags already allow it (a
 * VMA of the current or another mm, e.g. for GUP). mmap_lock held for
 * reading. Returns 0 (retry the access) or -ENOMEM. (mm/memory.c)
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr, unsigned int flags);

/*
 * The page a present PTE maps, or NULL for the zero page (which has no
 * reference or mapcount to keep).
 */
struct page *vm_normal_page(pte_t pte);

/* /proc/<pid>/maps and /proc/meminfo content. */
struct seq_buf;
void show_maps(struct seq_buf *s, struct mm_struct *mm);
/* One VMA's maps line (smaps begins each VMA with it). mmap_lock held. */
void show_map_vma(struct seq_buf *s, struct vm_area_struct *vma);
void show_meminfo(struct seq_buf *s);

#endif
