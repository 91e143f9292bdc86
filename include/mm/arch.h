/*
 * The architecture interface of the memory manager.
 *
 * mm/ includes no <asm/...> header except through this file. Each
 * architecture implements every item below in arch/<name>/include/asm/ and
 * arch/<name>/mm/; a missing one stops the build with #error. Both
 * architectures use 4 KiB pages and four levels of 512-entry tables:
 *
 *   virtual address (48 bits used, upper 16 copy bit 47)
 *   47        39 38        30 29        21 20        12 11          0
 *  +------------+------------+------------+------------+-------------+
 *  | PGD index  | PUD index  | PMD index  | PTE index  | page offset |
 *  +------------+------------+------------+------------+-------------+
 *   x86: PML4      PDPT         PD           PT
 *   arm64: L0      L1           L2           L3
 *
 * <asm/memory.h> provides
 *   PAGE_OFFSET            virtual base of the direct map (phys 0 maps here)
 *   KIMAGE_VADDR           virtual base the kernel image is linked at
 *   IOREMAP_START/END      virtual window for ioremap()
 *   __pa_symbol(sym)       physical address of a kernel-image symbol
 *
 * <asm/pgtable.h> provides
 *   types    pte_t pmd_t pud_t pgd_t (one 64-bit entry each), pgprot_t
 *   values   PAGE_KERNEL (RW NX), PAGE_KERNEL_RO (R NX), PAGE_KERNEL_ROX,
 *            PAGE_KERNEL_EXEC (RWX, early boot only), PAGE_KERNEL_DEVICE
 *            (RW NX, uncached device memory)
 *   encode   pfn_pte(pfn, prot)    4 KiB leaf
 *            pfn_pmd(pfn, prot)    2 MiB leaf ("block" on arm64, PS on x86)
 *            pfn_pud(pfn, prot)    1 GiB leaf
 *            pmd_mktable(pa) pud_mktable(pa) pgd_mktable(pa)
 *                                  entry pointing to a next-level table at pa
 *   decode   pte_none pte_present pte_pfn pte_write pte_exec
 *            pte_protnone (a PROT_NONE user page: pte_present() is true
 *            for it, the hardware faults on it) pte_dirty pte_young
 *            pmd_none pmd_leaf pmd_table pmd_pfn pmd_table_pa pmd_pte
 *            pud_none pud_leaf pud_table pud_pfn pud_table_pa pud_pte
 *            pgd_none pgd_table pgd_table_pa
 *            (x_pte() views a leaf as a pte_t for pte_write/pte_exec)
 *   modify   pte_mkwrite pte_wrprotect pte_mkdirty pte_mkclean pte_mkyoung
 *            pte_mkold, pte_modify(pte, newprot) (new protection, same
 *            frame and dirty bit)
 *   access   ptep_get(ptep)             read one entry (arm64: with the
 *                                       contiguous block's access/dirty)
 *            set_ptes(mm, addr, ptep, pte, nr)
 *                                       write nr entries mapping nr
 *                                       consecutive pfns from addr (arm64
 *                                       will set the contiguous bit here)
 *            set_pte(ptep, pte)         write one entry (no batching)
 *            pte_clear(mm, addr, ptep)  make an entry empty
 *            set_pmd set_pud set_pgd    write an upper-level entry
 *            pmd_clear pud_clear
 *            ptep_get_and_clear(mm, addr, ptep)  clear, return the old entry
 *            ptep_set_wrprotect(mm, addr, ptep)  make read-only in place
 *   rules    entries are written only through these helpers, so an
 *            architecture can add barriers or hidden bits (the arm64
 *            contiguous bit) without mm/ knowing.
 *
 * and arch/<name>/mm/ implements (declared below)
 *   flush_tlb_kernel_range(start, end)  drop translations of [start, end)
 *   flush_tlb_all()
 *   arch_load_kernel_pgd(pa)            switch the kernel to the tables at pa
 *   arch_pud_leaf_supported()           may pfn_pud() leaves be used?
 *                                       (x86: CPUID pdpe1gb)
 *   vm_get_page_prot(vm_flags)          protection of a user page of a VMA
 *                                       with these VM_* flags
 *   arch_pgd_init_user(pgd)             prepare a new user top-level table
 *                                       (x86 copies the kernel half)
 *   flush_tlb_range(mm, start, end)     drop user translations of mm in
 *                                       [start, end) on every CPU using mm
 *   flush_tlb_mm(mm)                    all user translations of mm
 *   arch_tlb_flush_waits_for_cpus()     true if flush_tlb_range() interrupts
 *                                       every CPU in mm->cpu_mask and waits
 *                                       for its answer (x86 IPIs), so that a
 *                                       CPU with interrupts off holds it
 *                                       up; false if the hardware broadcasts
 *                                       it (arm64 tlbi ...is). Freeing page
 *                                       tables relies on it (mm/memory.c).
 *   switch_mm(prev, next)               load next's user tables on this CPU
 *
 * and arch/<name>/lib/page.S implements
 *   clear_page(page)                    zero one page-aligned page
 *   copy_page(to, from)                 copy one page-aligned page
 */
#ifndef MM_ARCH_H
#define MM_ARCH_H

#include <kernel/types.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PMD_SHIFT 21
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PUD_SHIFT 30
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PUD_MASK (~(PUD_SIZE - 1))
#define PGDIR_SHIFT 39
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_TABLE 512
#define HPAGE_PMD_ORDER (PMD_SHIFT - PAGE_SHIFT)
#define HPAGE_PMD_NR (1UL << HPAGE_PMD_ORDER)

#if !defined(PAGE_OFFSET) || !defined(KIMAGE_VADDR) || !defined(IOREMAP_START) || \
	!defined(IOREMAP_END) || !defined(__pa_symbol)
#error "asm/memory.h must define PAGE_OFFSET, KIMAGE_VADDR, IOREMAP_START/END, __pa_symbol"
#endif
#if !defined(PAGE_KERNEL) || !defined(PAGE_KERNEL_RO) || !defined(PAGE_KERNEL_ROX) || \
	!defined(PAGE_KERNEL_EXEC) || !defined(PAGE_KERNEL_DEVICE)
#error "asm/pgtable.h must define the PAGE_KERNEL* protections"
#endif
/* Functions are announced by a same-named macro, as Linux does. */
#if !defined(pfn_pte) || !defined(pfn_pmd) || !defined(pfn_pud) || \
	!defined(pmd_mktable) || !defined(pud_mktable) || !defined(pgd_mktable)
#error "asm/pgtable.h is missing an entry encoder"
#endif
#if !defined(pte_none) || !defined(pte_present) || !defined(pte_pfn) || \
	!defined(pte_write) || !defined(pte_exec) || !defined(pmd_none) || \
	!defined(pmd_leaf) || !defined(pmd_table) || !defined(pmd_pfn) || \
	!defined(pmd_table_pa) || !defined(pmd_pte) || !defined(pud_none) || \
	!defined(pud_leaf) || !defined(pud_table) || !defined(pud_pfn) || \
	!defined(pud_table_pa) || !defined(pud_pte) || !defined(pgd_none) || \
	!defined(pgd_table) || !defined(pgd_table_pa)
#error "asm/pgtable.h is missing an entry decoder"
#endif
#if !defined(pte_protnone) || !defined(pte_dirty) || !defined(pte_young) || \
	!defined(pte_mkwrite) || !defined(pte_wrprotect) || !defined(pte_mkdirty) || \
	!defined(pte_mkclean) || !defined(pte_mkyoung) || !defined(pte_mkold) || \
	!defined(pte_modify)
#error "asm/pgtable.h is missing a user-entry helper"
#endif
#if !defined(ptep_get_and_clear) || !defined(ptep_set_wrprotect)
#error "asm/pgtable.h is missing ptep_get_and_clear or ptep_set_wrprotect"
#endif
#if !defined(ptep_get) || !defined(set_ptes) || !defined(set_pte) || \
	!defined(pte_clear) || !defined(set_pmd) || !defined(set_pud) || \
	!defined(set_pgd) || !defined(pmd_clear) || !defined(pud_clear)
#error "asm/pgtable.h is missing an entry accessor"
#endif

/* Direct map: every physical page is visible at PAGE_OFFSET + pa. */
#ifdef HOST_TEST
void *host_phys_to_virt(phys_addr_t pa);
phys_addr_t host_virt_to_phys(const void *va);
#define __va(pa) host_phys_to_virt(pa)
#define __pa(va) host_virt_to_phys(va)
#else
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va) ((phys_addr_t)((unsigned long)(va) - PAGE_OFFSET))
#endif

void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_all(void);
void arch_load_kernel_pgd(phys_addr_t pgd_pa);
bool arch_pud_leaf_supported(void);

struct mm_struct;
pgprot_t vm_get_page_prot(unsigned long vm_flags);
void arch_pgd_init_user(pgd_t *pgd);
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);
bool arch_tlb_flush_waits_for_cpus(void);
void switch_mm(struct mm_struct *prev, struct mm_struct *next);

#ifdef HOST_TEST
#include <string.h>
static inline void clear_page(void *page) { memset(page, 0, PAGE_SIZE); }
static inline void copy_page(void *to, const void *from) { memcpy(to, from, PAGE_SIZE); }
#else
void clear_page(void *page);
void copy_page(void *to, const void *from);
#endif

#endif
