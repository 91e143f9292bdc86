/*
 * TLB maintenance, switching the kernel page tables and switching user
 * address spaces (<mm/arch.h>).
 * Kernel mappings are global (_PAGE_GLOBAL, CR4.PGE), so a CR3 write alone
 * does not drop them: invlpg does, and so does toggling CR4.PGE.
 *
 * Only the boot CPU runs so far; with more CPUs these must also shoot down
 * the other CPUs' TLBs.
 */
#include <mm/mm_types.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>

/* Above this many pages one full flush is cheaper than invlpg per page. */
#define FLUSH_TLB_SINGLE_PAGE_CEILING 32

void flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	/* Clearing PGE flushes every entry, global ones included. */
	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > FLUSH_TLB_SINGLE_PAGE_CEILING) {
		flush_tlb_all();
		return;
	}
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

/* Switch to the tables at pgd_pa and drop every old translation. */
void arch_load_kernel_pgd(phys_addr_t pgd_pa)
{
	write_cr3(pgd_pa);
	flush_tlb_all();
}

/* 1 GiB pages exist only when CPUID 0x80000001 reports pdpe1gb (EDX bit 26);
 * QEMU's default CPU model does not have them. */
bool arch_pud_leaf_supported(void)
{
	static int cached = -1;
	unsigned int eax = 0x80000001, ebx, ecx = 0, edx;

	if (cached < 0) {
		__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
		cached = (edx >> 26) & 1;
	}
	return cached;
}

/* The tables this CPU is using. */
static phys_addr_t current_pgd_pa(void)
{
	return read_cr3() & PTE_ADDR_MASK;
}

static bool mm_is_loaded(struct mm_struct *mm)
{
	return mm && current_pgd_pa() == __pa(mm->pgd);
}

/*
 * User pages are not global, so a CR3 write drops them. Without PCIDs an mm
 * that is not loaded has no translations in this CPU's TLB. With SMP, the
 * other CPUs that have mm loaded need a shootdown IPI here.
 */
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	if (!mm_is_loaded(mm))
		return;
	if ((end - start) >> PAGE_SHIFT > FLUSH_TLB_SINGLE_PAGE_CEILING) {
		write_cr3(current_pgd_pa());
		return;
	}
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	if (mm_is_loaded(mm))
		write_cr3(current_pgd_pa());
}

/* Interrupts off. next NULL or &init_mm: a kernel thread, kernel tables. */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	phys_addr_t pa = __pa((next ? next : &init_mm)->pgd);

	(void)prev;
	if (current_pgd_pa() != pa)
		write_cr3(pa);
}
