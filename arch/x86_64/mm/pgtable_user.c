/*
 * User page tables on x86-64: the protection bits of a user page, and new
 * top-level tables that share the kernel half.
 *
 * Every user PGD holds a copy of the kernel's PGD entries 256..511 (the
 * upper half of the address space). The copies stay right only if no
 * kernel PGD entry is added after the first user PGD is made: the direct
 * map and the kernel image are mapped at boot, and kernel_pgd_prealloc()
 * gives the ioremap window (one PGD slot) its PUD table before any user
 * address space exists. Later ioremaps only fill that PUD table, which
 * every PGD shares.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/mm_types.h>
#include <mm/pgtable.h>
#include <asm/processor.h>

#define KERNEL_PGD_FIRST (PTRS_PER_TABLE / 2)	/* PGD index of the kernel half */

BUILD_BUG_ON(pgd_index(IOREMAP_START) != pgd_index(IOREMAP_END - 1));

void kernel_pgd_prealloc(void)
{
	pgd_t *pgdp = init_mm.pgd + pgd_index(IOREMAP_START);
	phys_addr_t pa;

	spin_lock(&init_mm.page_table_lock);
	if (pgd_none(*pgdp)) {
		pa = pgtable_alloc_page();
		if (!pa)
			panic("kernel_pgd_prealloc: out of memory\n");
		set_pgd(pgdp, pgd_mktable(pa));
	}
	spin_unlock(&init_mm.page_table_lock);
}

/*
 * Present, user, accessed; writable with VM_WRITE; executable only with
 * VM_EXEC; never global (a CR3 switch must drop user translations). A VMA
 * with no access at all (PROT_NONE) gets the not-present _PAGE_PROTNONE
 * encoding (asm/pgtable.h). Writable pages are mapped dirty: nothing here
 * tracks dirtiness of anonymous memory.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	u64 prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return __pgprot(_PAGE_PROTNONE | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX);
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW | _PAGE_DIRTY;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return __pgprot(prot);
}

/* pgd: a new top-level table. Empty user half, the kernel half shared. */
void arch_pgd_init_user(pgd_t *pgd)
{
	memset(pgd, 0, KERNEL_PGD_FIRST * sizeof(pgd_t));
	memcpy(pgd + KERNEL_PGD_FIRST, init_mm.pgd + KERNEL_PGD_FIRST,
	       (PTRS_PER_TABLE - KERNEL_PGD_FIRST) * sizeof(pgd_t));
}
