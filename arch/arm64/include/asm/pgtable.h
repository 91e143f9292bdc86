/*
 * arm64 page-table entries (VMSAv8-64 stage 1, 4 KiB granule): the
 * encoders, decoders and accessors that <mm/arch.h> asks for. Host tests
 * build this file too, so the only asm (barriers) is behind !HOST_TEST.
 *
 * Block (L1/L2) and page (L3) descriptors:
 *
 *   63..59 58..55 54  53  52  51   50..48 47          12 11 10 9 8 7 6 5 4..2 1 0
 *  +------+------+---+---+----+---+------+--------------+--+--+---+---+--+----+-+-+
 *  | ign  | SW   |UXN|PXN|Cont|DBM| res0 | output addr  |nG|AF|SH |AP |NS|Attr|T|V|
 *  +------+------+---+---+----+---+------+--------------+--+--+---+---+--+----+-+-+
 *
 *  V (bit 0) valid. T (bit 1): 1 = table (L0-L2) or page (L3), 0 = block.
 *  Attr (AttrIndx) selects a MAIR_EL1 byte: see MT_* below (head.S
 *  programs MAIR with the same indices).
 *  AP[2:1] (bits 7:6): bit 7 read-only, bit 6 EL0 accessible.
 *  SH (bits 9:8): 0b11 inner shareable.  AF: access flag (set it, or the
 *  first access faults).  nG: not global (ASID-tagged, user pages later).
 *  Cont (bit 52): contiguous hint; owned by these helpers alone (a later
 *  issue sets it for 16 aligned entries of one folio; mm/ never sees it).
 *  PXN/UXN: no execution at EL1 / EL0.
 * Table descriptors are address | 0b11.
 *
 * Software bits (ignored by the walker): PTE_DIRTY (55) records a write
 * (there is no hardware dirty-bit management here: a writable user page
 * is mapped dirty); PTE_PROT_NONE (58) with V clear marks a PROT_NONE
 * user page, which the CPU faults on but the memory manager sees as
 * mapped (pte_present() is true, pte_protnone() tells it apart), as Linux.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <kernel/compiler.h>

#define PTE_VALID BIT_ULL(0)
#define PTE_TYPE_MASK 0x3ULL
#define PTE_TYPE_PAGE 0x3ULL	/* L3 page */
#define PMD_TYPE_TABLE 0x3ULL	/* L0-L2 table */
#define PMD_TYPE_SECT 0x1ULL	/* L1/L2 block */
#define PTE_ATTRINDX(i) ((u64)(i) << 2)
#define PTE_ATTRINDX_MASK (0x7ULL << 2)
#define PTE_USER BIT_ULL(6)	/* AP[1] */
#define PTE_RDONLY BIT_ULL(7)	/* AP[2] */
#define PTE_SHARED (3ULL << 8)	/* SH: inner shareable */
#define PTE_AF BIT_ULL(10)
#define PTE_NG BIT_ULL(11)
#define PTE_CONT BIT_ULL(52)
#define PTE_PXN BIT_ULL(53)
#define PTE_UXN BIT_ULL(54)
#define PTE_DIRTY BIT_ULL(55)		/* software: written */
#define PTE_PROT_NONE BIT_ULL(58)	/* software: PROT_NONE, V clear */
#define PTE_ADDR_MASK GENMASK_ULL(47, 12)
#define PMD_LEAF_ADDR_MASK GENMASK_ULL(47, 21)
#define PUD_LEAF_ADDR_MASK GENMASK_ULL(47, 30)

/* MAIR_EL1 attribute indices (must match head.S). */
#define MT_DEVICE_nGnRnE 0
#define MT_NORMAL 1
#define MT_NORMAL_NC 2

typedef struct { u64 pte; } pte_t;
typedef struct { u64 pmd; } pmd_t;
typedef struct { u64 pud; } pud_t;
typedef struct { u64 pgd; } pgd_t;
typedef struct { u64 pgprot; } pgprot_t;

#define __pte(x) ((pte_t){ (x) })
#define __pmd(x) ((pmd_t){ (x) })
#define __pud(x) ((pud_t){ (x) })
#define __pgd(x) ((pgd_t){ (x) })
#define __pgprot(x) ((pgprot_t){ (x) })
#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)

/* Protections carry no type bits: the encoders add page/block type. */
#define _PROT_NORMAL (PTE_VALID | PTE_AF | PTE_SHARED | PTE_ATTRINDX(MT_NORMAL))
#define PAGE_KERNEL __pgprot(_PROT_NORMAL | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_RO __pgprot(_PROT_NORMAL | PTE_RDONLY | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_ROX __pgprot(_PROT_NORMAL | PTE_RDONLY | PTE_UXN)
#define PAGE_KERNEL_EXEC __pgprot(_PROT_NORMAL | PTE_UXN)
#define PAGE_KERNEL_DEVICE \
	__pgprot(PTE_VALID | PTE_AF | PTE_ATTRINDX(MT_DEVICE_nGnRnE) | PTE_PXN | PTE_UXN)

struct mm_struct;

/* --- encoders --- */
/* A PROT_NONE protection keeps V clear (bit 1 alone: still a "page"). */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	u64 type = (pgprot_val(prot) & PTE_PROT_NONE) ? (PTE_TYPE_PAGE & ~PTE_VALID) :
							  PTE_TYPE_PAGE;

	return __pte(((u64)pfn << 12) | (pgprot_val(prot) & ~PTE_TYPE_MASK) | type);
}
static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd(((u64)pfn << 12) | (pgprot_val(prot) & ~PTE_TYPE_MASK) |
		     PMD_TYPE_SECT);
}
static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return __pud(((u64)pfn << 12) | (pgprot_val(prot) & ~PTE_TYPE_MASK) |
		     PMD_TYPE_SECT);
}
static inline pmd_t pmd_mktable(phys_addr_t pa) { return __pmd(pa | PMD_TYPE_TABLE); }
static inline pud_t pud_mktable(phys_addr_t pa) { return __pud(pa | PMD_TYPE_TABLE); }
static inline pgd_t pgd_mktable(phys_addr_t pa) { return __pgd(pa | PMD_TYPE_TABLE); }
#define pfn_pte pfn_pte
#define pfn_pmd pfn_pmd
#define pfn_pud pfn_pud
#define pmd_mktable pmd_mktable
#define pud_mktable pud_mktable
#define pgd_mktable pgd_mktable

/* --- decoders --- */
static inline bool pte_none(pte_t p) { return pte_val(p) == 0; }
static inline bool pte_present(pte_t p)
{
	return pte_val(p) & (PTE_VALID | PTE_PROT_NONE);
}
/* A PROT_NONE user page: mapped, but every access faults. */
static inline bool pte_protnone(pte_t p)
{
	return (pte_val(p) & (PTE_VALID | PTE_PROT_NONE)) == PTE_PROT_NONE;
}
static inline bool pte_dirty(pte_t p) { return pte_val(p) & PTE_DIRTY; }
static inline bool pte_young(pte_t p) { return pte_val(p) & PTE_AF; }
static inline unsigned long pte_pfn(pte_t p) { return (pte_val(p) & PTE_ADDR_MASK) >> 12; }
static inline bool pte_write(pte_t p) { return !(pte_val(p) & PTE_RDONLY); }
/* Executable at the level the page is mapped for (EL0 if user, else EL1). */
static inline bool pte_exec(pte_t p)
{
	return !(pte_val(p) & ((pte_val(p) & PTE_USER) ? PTE_UXN : PTE_PXN));
}

static inline bool pmd_none(pmd_t p) { return pmd_val(p) == 0; }
static inline bool pmd_leaf(pmd_t p) { return (pmd_val(p) & PTE_TYPE_MASK) == PMD_TYPE_SECT; }
static inline bool pmd_table(pmd_t p) { return (pmd_val(p) & PTE_TYPE_MASK) == PMD_TYPE_TABLE; }
static inline unsigned long pmd_pfn(pmd_t p) { return (pmd_val(p) & PMD_LEAF_ADDR_MASK) >> 12; }
static inline phys_addr_t pmd_table_pa(pmd_t p) { return pmd_val(p) & PTE_ADDR_MASK; }
static inline pte_t pmd_pte(pmd_t p) { return __pte(pmd_val(p) | PTE_TYPE_PAGE); }

static inline bool pud_none(pud_t p) { return pud_val(p) == 0; }
static inline bool pud_leaf(pud_t p) { return (pud_val(p) & PTE_TYPE_MASK) == PMD_TYPE_SECT; }
static inline bool pud_table(pud_t p) { return (pud_val(p) & PTE_TYPE_MASK) == PMD_TYPE_TABLE; }
static inline unsigned long pud_pfn(pud_t p) { return (pud_val(p) & PUD_LEAF_ADDR_MASK) >> 12; }
static inline phys_addr_t pud_table_pa(pud_t p) { return pud_val(p) & PTE_ADDR_MASK; }
static inline pte_t pud_pte(pud_t p) { return __pte(pud_val(p) | PTE_TYPE_PAGE); }

static inline bool pgd_none(pgd_t p) { return pgd_val(p) == 0; }
static inline bool pgd_table(pgd_t p) { return (pgd_val(p) & PTE_TYPE_MASK) == PMD_TYPE_TABLE; }
static inline phys_addr_t pgd_table_pa(pgd_t p) { return pgd_val(p) & PTE_ADDR_MASK; }

#define pte_none pte_none
#define pte_present pte_present
#define pte_protnone pte_protnone
#define pte_dirty pte_dirty
#define pte_young pte_young
#define pte_pfn pte_pfn
#define pte_write pte_write
#define pte_exec pte_exec
#define pmd_none pmd_none
#define pmd_leaf pmd_leaf
#define pmd_table pmd_table
#define pmd_pfn pmd_pfn
#define pmd_table_pa pmd_table_pa
#define pmd_pte pmd_pte
#define pud_none pud_none
#define pud_leaf pud_leaf
#define pud_table pud_table
#define pud_pfn pud_pfn
#define pud_table_pa pud_table_pa
#define pud_pte pud_pte
#define pgd_none pgd_none
#define pgd_table pgd_table
#define pgd_table_pa pgd_table_pa

/*
 * After writing a valid kernel entry: make the store visible to the table
 * walker (dsb ishst) and resynchronise the pipeline (isb) so that the next
 * instruction may use the mapping.
 */
static inline void __pgtable_sync(void)
{
#ifndef HOST_TEST
	__asm__ __volatile__("dsb ishst\n\tisb" ::: "memory");
#endif
}

/* --- modifiers: return a changed copy of an entry --- */
static inline pte_t pte_mkwrite(pte_t p) { return __pte(pte_val(p) & ~PTE_RDONLY); }
static inline pte_t pte_wrprotect(pte_t p) { return __pte(pte_val(p) | PTE_RDONLY); }
static inline pte_t pte_mkdirty(pte_t p) { return __pte(pte_val(p) | PTE_DIRTY); }
static inline pte_t pte_mkclean(pte_t p) { return __pte(pte_val(p) & ~PTE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t p) { return __pte(pte_val(p) | PTE_AF); }
/* (An old entry faults on the next access: an access-flag fault.) */
static inline pte_t pte_mkold(pte_t p) { return __pte(pte_val(p) & ~PTE_AF); }
/* p with the protection newprot (a vm_get_page_prot() value); keeps the
 * frame and the software dirty bit. */
static inline pte_t pte_modify(pte_t p, pgprot_t newprot)
{
	return pfn_pte(pte_pfn(p), __pgprot(pgprot_val(newprot) | (pte_val(p) & PTE_DIRTY)));
}
#define pte_mkwrite pte_mkwrite
#define pte_wrprotect pte_wrprotect
#define pte_mkdirty pte_mkdirty
#define pte_mkclean pte_mkclean
#define pte_mkyoung pte_mkyoung
#define pte_mkold pte_mkold
#define pte_modify pte_modify

/* --- accessors: the only code that reads or writes an entry --- */
static inline pte_t ptep_get(pte_t *ptep) { return __pte(READ_ONCE(ptep->pte)); }
static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(ptep->pte, pte_val(pte));
	__pgtable_sync();
}

#ifndef HOST_TEST
/* mm/cache.c: make nr pages from pfn, just written through the D-cache, fetchable. */
void sync_icache_pages(unsigned long pfn, unsigned int nr);
#endif

/*
 * Map nr consecutive pfns starting with pte's at ptep[0 .. nr-1].
 * (The contiguous-bit issue makes this set PTE_CONT on aligned blocks.)
 * Pages that user mode may execute get their instruction-cache view
 * synchronised first: the kernel wrote them (exec, fork) as data.
 */
static inline void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			    pte_t pte, unsigned int nr)
{
	(void)mm;
	(void)addr;
#ifndef HOST_TEST
	if ((pte_val(pte) & (PTE_VALID | PTE_USER | PTE_UXN)) == (PTE_VALID | PTE_USER))
		sync_icache_pages(pte_pfn(pte), nr);
#endif
	for (;;) {
		WRITE_ONCE(ptep->pte, pte_val(pte));
		if (--nr == 0)
			break;
		ptep++;
		pte = __pte(pte_val(pte) + (1ULL << 12));
	}
	__pgtable_sync();
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	(void)mm;
	(void)addr;
	WRITE_ONCE(ptep->pte, 0);
	__pgtable_sync();
}
/* Clear the entry and return what it held. */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	pte_t old;

	(void)mm;
	(void)addr;
	old = __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_RELAXED));
	__pgtable_sync();
	return old;
}
/* Make the entry read-only in place. */
static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	(void)mm;
	(void)addr;
	__atomic_fetch_or(&ptep->pte, PTE_RDONLY, __ATOMIC_RELAXED);
	__pgtable_sync();
}
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd)
{
	WRITE_ONCE(pmdp->pmd, pmd_val(pmd));
	__pgtable_sync();
}
static inline void set_pud(pud_t *pudp, pud_t pud)
{
	WRITE_ONCE(pudp->pud, pud_val(pud));
	__pgtable_sync();
}
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd)
{
	WRITE_ONCE(pgdp->pgd, pgd_val(pgd));
	__pgtable_sync();
}
static inline void pmd_clear(pmd_t *pmdp) { set_pmd(pmdp, __pmd(0)); }
static inline void pud_clear(pud_t *pudp) { set_pud(pudp, __pud(0)); }

#define ptep_get ptep_get
#define set_pte set_pte
#define set_ptes set_ptes
#define pte_clear pte_clear
#define ptep_get_and_clear ptep_get_and_clear
#define ptep_set_wrprotect ptep_set_wrprotect
#define set_pmd set_pmd
#define set_pud set_pud
#define set_pgd set_pgd
#define pmd_clear pmd_clear
#define pud_clear pud_clear

#endif
