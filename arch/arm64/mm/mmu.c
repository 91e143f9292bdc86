/*
 * arm64 switches of the translation tables: loading the final kernel
 * tables into TTBR1 (arch_load_kernel_pgd), dropping head.S's TTBR0
 * identity map once nothing needs physical addresses any more, and
 * loading a user address space into TTBR0 (switch_mm).
 *
 * ASIDs: every user address space runs with the same ASID, USER_ASID
 * (TCR_EL1.A1 = 0: TTBR0 supplies it). User entries are non-global, so
 * they carry it; kernel entries are global. A CPU that loads a user mm
 * first drops every USER_ASID entry it holds (which may be another mm's),
 * and flush_tlb_range()/flush_tlb_mm() (tlb.c) invalidate USER_ASID entries
 * on all CPUs, whichever mm each runs. Correct without any allocator; a
 * per-mm ASID would only save the flush on a switch (QEMU's TLB is not
 * ASID-tagged anyway).
 */
#include <kernel/arch.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <mm/mm_types.h>
#include <asm/barrier.h>
#include <asm/kernel-pgtable.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/sysreg.h>
#include <mm/arch.h>

/* head.S writes descriptors with the same bits pgtable.h defines. */
BUILD_BUG_ON(EARLY_TABLE != PMD_TYPE_TABLE);
BUILD_BUG_ON(EARLY_BLOCK != PMD_TYPE_SECT);
BUILD_BUG_ON(EARLY_ATTR_NORMAL != PTE_ATTRINDX(MT_NORMAL));
BUILD_BUG_ON(EARLY_ATTR_DEVICE != PTE_ATTRINDX(MT_DEVICE_nGnRnE));
BUILD_BUG_ON(EARLY_SH_INNER != PTE_SHARED);
BUILD_BUG_ON(EARLY_AF != PTE_AF);
BUILD_BUG_ON(EARLY_PXN != PTE_PXN || EARLY_UXN != PTE_UXN);
BUILD_BUG_ON(EARLY_PUD_SHIFT != PUD_SHIFT || EARLY_PMD_SHIFT != PMD_SHIFT ||
	     EARLY_PGDIR_SHIFT != PGDIR_SHIFT);

/*
 * A table with no valid entry: what TTBR0 points at when there is no user
 * address space, and TTBR1 during the switch. Never written.
 */
static const u64 reserved_pg_dir[PTRS_PER_TABLE] __aligned(PAGE_SIZE);

static bool idmap_dropped;

/* idmap.S; called at its physical address. */
void idmap_cpu_replace_ttbr1(phys_addr_t new_pgd, phys_addr_t zero_pgd);

void arch_load_kernel_pgd(phys_addr_t pgd_pa)
{
	void (*replace)(phys_addr_t, phys_addr_t) =
		(void *)(unsigned long)__pa_symbol(idmap_cpu_replace_ttbr1);
	unsigned long flags;

	BUG_ON(idmap_dropped);
	flags = arch_irq_save();
	replace(pgd_pa, __pa_symbol(reserved_pg_dir));
	arch_irq_restore(flags);
}

/*
 * Point TTBR0 at the empty table: from now on a physical address used as
 * a pointer faults. Callers have ioremap()ped every device they use.
 */
void arm64_drop_idmap(void)
{
	cpu_uninstall_idmap();
	idmap_dropped = true;
}

/*
 * This CPU only: TTBR0 -> the empty table, then drop every translation
 * this CPU cached through the identity map it ran on (head.S's, or the
 * secondaries' bring-up map).
 */
void cpu_uninstall_idmap(void)
{
	write_sysreg(__pa_symbol(reserved_pg_dir), ttbr0_el1);
	isb();
	__asm__ __volatile__("tlbi vmalle1" ::: "memory");
	dsb(nsh);
	isb();
}

/*
 * Load next's user tables into TTBR0 on this CPU (init_mm or NULL: the
 * empty table, for kernel threads). IRQs off. The old translations go
 * while TTBR0 points at the empty table, so no walk can refill them in
 * between. The local "tlbi aside1" is enough: TLB entries are private to
 * a CPU (TTBR0.CnP = 0), so USER_ASID entries of another mm can only sit
 * in this CPU's TLB, and broadcast flushes reach every CPU anyway.
 * This CPU joins next->cpu_mask (never left: flushes are broadcast, the
 * mask only tells who may hold entries).
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	(void)prev;
	write_sysreg(__pa_symbol(reserved_pg_dir), ttbr0_el1);
	isb();
	if (!next || next == &init_mm)
		return;
	__atomic_fetch_or(&next->cpu_mask, cpumask_of(this_cpu()->id), __ATOMIC_RELAXED);
	__asm__ __volatile__("tlbi aside1, %0" ::"r"(TLBI_ASID(USER_ASID)) : "memory");
	dsb(nsh);
	write_sysreg(__pa(next->pgd) | TTBR_ASID(USER_ASID), ttbr0_el1);
	isb();
}
