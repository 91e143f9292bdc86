/*
 * Protections of user pages and the set-up of a user top-level table.
 *
 * A user page is normal cacheable memory, inner shareable, accessed
 * (AF set: no access-flag faults), non-global (nG: tagged with the ASID),
 * accessible from EL0 (AP[1], PTE_USER) and never executable by the
 * kernel (PXN). UXN unless the VMA is executable, read-only (AP[2]) unless
 * it is writable (then also PTE_DIRTY: nothing tracks dirtiness of
 * anonymous memory). A VMA with no access at all (PROT_NONE) gets the
 * PTE_PROT_NONE encoding: V clear, so every access faults, and no
 * PTE_USER and every restriction besides.
 * Kernel protections never have PTE_USER.
 */
#include <mm/arch.h>
#include <mm/mm_types.h>

#define PROT_USER_BASE \
	(PTE_VALID | PTE_AF | PTE_SHARED | PTE_ATTRINDX(MT_NORMAL) | PTE_NG | PTE_PXN)

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	u64 prot = PROT_USER_BASE | PTE_USER;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return __pgprot((PROT_USER_BASE & ~PTE_VALID) | PTE_PROT_NONE | PTE_RDONLY |
				PTE_UXN);
	if (!(vm_flags & VM_EXEC))
		prot |= PTE_UXN;
	if (!(vm_flags & VM_WRITE))
		prot |= PTE_RDONLY;
	else
		prot |= PTE_DIRTY;
	return __pgprot(prot);
}

/* The kernel half lives in TTBR1: a user table starts empty. */
void arch_pgd_init_user(pgd_t *pgd)
{
	(void)pgd;
}
