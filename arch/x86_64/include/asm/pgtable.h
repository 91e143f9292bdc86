/*
 * x86-64 page-table entries: the encoders, decoders and accessors that
 * <mm/arch.h> asks for. Pure C (no asm) so host tests can build it.
 *
 * One entry, any level (Intel SDM vol. 3, 4.5):
 *
 *   63  62..52 51                     12 11..9 8 7  6 5 4   3   2  1  0
 *  +--+-------+-------------------------+-----+-+--+-+-+---+---+--+--+-+
 *  |NX| avail |  physical address       |avail|G|PS|D|A|PCD|PWT|US|RW|P|
 *  +--+-------+-------------------------+-----+-+--+-+-+---+---+--+--+-+
 *
 * PS (bit 7) marks a leaf in a PUD (1 GiB) or PMD (2 MiB) entry; in a PTE
 * the same bit is PAT, which we never set. Table entries carry P|RW|US|A so
 * that the leaf alone decides the permissions.
 *
 * PROT_NONE user pages (Linux's trick): P clear, so the CPU faults on any
 * access, and bit 8 (G, meaningless without P) set as _PAGE_PROTNONE, so
 * the memory manager still sees a mapped page: pte_present() is true for
 * such an entry, pte_protnone() tells it apart.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <kernel/compiler.h>

#define _PAGE_PRESENT BIT_ULL(0)
#define _PAGE_RW BIT_ULL(1)
#define _PAGE_USER BIT_ULL(2)
#define _PAGE_PWT BIT_ULL(3)	/* write-through */
#define _PAGE_PCD BIT_ULL(4)	/* cache disable */
#define _PAGE_ACCESSED BIT_ULL(5)
#define _PAGE_DIRTY BIT_ULL(6)
#define _PAGE_PSE BIT_ULL(7)	/* leaf at PMD/PUD level */
#define _PAGE_GLOBAL BIT_ULL(8)	/* survives CR3 reloads (CR4.PGE) */
#define _PAGE_PROTNONE _PAGE_GLOBAL	/* with P clear: a PROT_NONE page */
#define _PAGE_NX BIT_ULL(63)
#define PTE_ADDR_MASK GENMASK_ULL(51, 12)
#define PMD_LEAF_ADDR_MASK GENMASK_ULL(51, 21)
#define PUD_LEAF_ADDR_MASK GENMASK_ULL(51, 30)

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

#define _KERNPG (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL __pgprot(_KERNPG | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define PAGE_KERNEL_RO __pgprot(_KERNPG | _PAGE_NX)
#define PAGE_KERNEL_ROX __pgprot(_KERNPG)
#define PAGE_KERNEL_EXEC __pgprot(_KERNPG | _PAGE_RW | _PAGE_DIRTY)
#define PAGE_KERNEL_DEVICE \
	__pgprot(_KERNPG | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX | _PAGE_PCD | _PAGE_PWT)
#define _PAGE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)

struct mm_struct;

/* --- encoders --- */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((u64)pfn << 12) | pgprot_val(prot));
}
static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd(((u64)pfn << 12) | pgprot_val(prot) | _PAGE_PSE);
}
static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return __pud(((u64)pfn << 12) | pgprot_val(prot) | _PAGE_PSE);
}
static inline pmd_t pmd_mktable(phys_addr_t pa) { return __pmd(pa | _PAGE_TABLE); }
static inline pud_t pud_mktable(phys_addr_t pa) { return __pud(pa | _PAGE_TABLE); }
static inline pgd_t pgd_mktable(phys_addr_t pa) { return __pgd(pa | _PAGE_TABLE); }
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
	return pte_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}
/* A PROT_NONE user page: mapped, but no access (hardware not present). */
static inline bool pte_protnone(pte_t p)
{
	return (pte_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}
static inline bool pte_dirty(pte_t p) { return pte_val(p) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t p) { return pte_val(p) & _PAGE_ACCESSED; }
static inline unsigned long pte_pfn(pte_t p) { return (pte_val(p) & PTE_ADDR_MASK) >> 12; }
static inline bool pte_write(pte_t p) { return pte_val(p) & _PAGE_RW; }
static inline bool pte_exec(pte_t p) { return !(pte_val(p) & _PAGE_NX); }

static inline bool pmd_none(pmd_t p) { return pmd_val(p) == 0; }
static inline bool pmd_leaf(pmd_t p)
{
	return (pmd_val(p) & (_PAGE_PRESENT | _PAGE_PSE)) == (_PAGE_PRESENT | _PAGE_PSE);
}
static inline bool pmd_table(pmd_t p)
{
	return (pmd_val(p) & (_PAGE_PRESENT | _PAGE_PSE)) == _PAGE_PRESENT;
}
static inline unsigned long pmd_pfn(pmd_t p) { return (pmd_val(p) & PMD_LEAF_ADDR_MASK) >> 12; }
static inline phys_addr_t pmd_table_pa(pmd_t p) { return pmd_val(p) & PTE_ADDR_MASK; }
static inline pte_t pmd_pte(pmd_t p) { return __pte(pmd_val(p) & ~_PAGE_PSE); }

static inline bool pud_none(pud_t p) { return pud_val(p) == 0; }
static inline bool pud_leaf(pud_t p)
{
	return (pud_val(p) & (_PAGE_PRESENT | _PAGE_PSE)) == (_PAGE_PRESENT | _PAGE_PSE);
}
static inline bool pud_table(pud_t p)
{
	return (pud_val(p) & (_PAGE_PRESENT | _PAGE_PSE)) == _PAGE_PRESENT;
}
static inline unsigned long pud_pfn(pud_t p) { return (pud_val(p) & PUD_LEAF_ADDR_MASK) >> 12; }
static inline phys_addr_t pud_table_pa(pud_t p) { return pud_val(p) & PTE_ADDR_MASK; }
static inline pte_t pud_pte(pud_t p) { return __pte(pud_val(p) & ~_PAGE_PSE); }

static inline bool pgd_none(pgd_t p) { return pgd_val(p) == 0; }
static inline bool pgd_table(pgd_t p) { return pgd_val(p) & _PAGE_PRESENT; }
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

/* --- modifiers: return a changed copy of an entry --- */
static inline pte_t pte_mkwrite(pte_t p) { return __pte(pte_val(p) | _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t p) { return __pte(pte_val(p) & ~_PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t p) { return __pte(pte_val(p) | _PAGE_DIRTY); }
static inline pte_t pte_mkclean(pte_t p) { return __pte(pte_val(p) & ~_PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t p) { return __pte(pte_val(p) | _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t p) { return __pte(pte_val(p) & ~_PAGE_ACCESSED); }
/* The bits pte_modify() keeps: the frame and what the CPU set. */
#define _PAGE_CHG_MASK (PTE_ADDR_MASK | _PAGE_DIRTY | _PAGE_ACCESSED)
/* p with the protection newprot (a vm_get_page_prot() value). */
static inline pte_t pte_modify(pte_t p, pgprot_t newprot)
{
	return __pte((pte_val(p) & _PAGE_CHG_MASK) | (pgprot_val(newprot) & ~_PAGE_CHG_MASK));
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
static inline void set_pte(pte_t *ptep, pte_t pte) { WRITE_ONCE(ptep->pte, pte_val(pte)); }

/* Map nr consecutive pfns starting with pte's at ptep[0 .. nr-1]. */
static inline void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			    pte_t pte, unsigned int nr)
{
	(void)mm;
	(void)addr;
	for (;;) {
		set_pte(ptep, pte);
		if (--nr == 0)
			break;
		ptep++;
		pte = __pte(pte_val(pte) + (1ULL << 12));
	}
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	(void)mm;
	(void)addr;
	WRITE_ONCE(ptep->pte, 0);
}
/* Clear the entry and return what it held, atomically (the CPU may be
 * setting A/D in it). */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	(void)mm;
	(void)addr;
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_RELAXED));
}
/* Make the entry read-only in place (atomically: keeps a concurrent D). */
static inline void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	(void)mm;
	(void)addr;
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_RELAXED);
}
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { WRITE_ONCE(pmdp->pmd, pmd_val(pmd)); }
static inline void set_pud(pud_t *pudp, pud_t pud) { WRITE_ONCE(pudp->pud, pud_val(pud)); }
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { WRITE_ONCE(pgdp->pgd, pgd_val(pgd)); }
static inline void pmd_clear(pmd_t *pmdp) { WRITE_ONCE(pmdp->pmd, 0); }
static inline void pud_clear(pud_t *pudp) { WRITE_ONCE(pudp->pud, 0); }

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
