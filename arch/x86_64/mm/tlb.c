/*
 * TLB maintenance, switching the kernel page tables and switching user
 * address spaces (<mm/arch.h>), on every CPU that may hold a translation.
 * Kernel mappings are global (_PAGE_GLOBAL, CR4.PGE), so a CR3 write alone
 * does not drop them: invlpg does, and so does toggling CR4.PGE.
 *
 * Shootdown: kernel ranges are flushed on every online CPU; a user range
 * on the CPUs in mm->cpu_mask, which switch_mm() keeps: a CPU sets its bit
 * before it loads mm's tables, and clears it only after loading other
 * tables (a CR3 write drops every non-global entry; no PCIDs are used).
 * Kernel threads run on init_mm (the scheduler never lends them a user
 * mm), so a CPU whose bit is clear holds nothing of mm. The flush runs
 * through smp_call_function_many() and waits for every target, so the
 * caller may free or reuse the pages when it returns. Callers have
 * interrupts on (the IPIs must be able to complete).
 *
 * A CPU coming online loads fresh tables in start_secondary(); it joins
 * cpu_online_mask before it runs anything that could cache a mapping a
 * flush is removing (only its own idle task's kernel code until then).
 */
#include <kernel/smp.h>
#include <mm/mm_types.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>

/* Above this many pages one full flush is cheaper than invlpg per page. */
#define FLUSH_TLB_SINGLE_PAGE_CEILING 32

/* What a shootdown asks each CPU to drop: [start, end) of mm (NULL: kernel). */
struct flush_tlb_info {
	struct mm_struct *mm;
	unsigned long start, end;
};

static void local_flush_tlb_all(void)
{
	unsigned long flags = arch_irq_save();
	unsigned long cr4 = read_cr4();

	/* Clearing PGE flushes every entry, global ones included. */
	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
	arch_irq_restore(flags);
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

/* On one CPU (a shootdown target, or the caller): drop info's range. */
static void flush_tlb_func(void *arg)
{
	const struct flush_tlb_info *info = arg;
	unsigned long addr;

	if (info->mm && !mm_is_loaded(info->mm))
		return;		/* switched away: the CR3 write dropped it all */
	if ((info->end - info->start) >> PAGE_SHIFT > FLUSH_TLB_SINGLE_PAGE_CEILING) {
		if (info->mm)
			write_cr3(current_pgd_pa());	/* non-global entries */
		else
			local_flush_tlb_all();
		return;
	}
	for (addr = info->start & PAGE_MASK; addr < info->end; addr += PAGE_SIZE)
		invlpg(addr);
}

/*
 * Run flush_tlb_func(info) on every CPU of mask (this one included if it
 * is in mask) and wait for all. With one CPU online there is no one to ask.
 */
static void flush_tlb_on(cpumask_t mask, struct flush_tlb_info *info)
{
	cpumask_t self = cpumask_of(this_cpu()->id);

	mask &= __atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE) | self;
	if (mask & ~self)
		smp_call_function_many(mask, flush_tlb_func, info, true);
	else if (mask & self)
		flush_tlb_func(info);
}

void flush_tlb_all(void)
{
	struct flush_tlb_info info = { NULL, 0, ~0UL };

	flush_tlb_on(~(cpumask_t)0, &info);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { NULL, start, end };

	flush_tlb_on(~(cpumask_t)0, &info);
}

/* Switch to the tables at pgd_pa and drop every old translation (this CPU). */
void arch_load_kernel_pgd(phys_addr_t pgd_pa)
{
	write_cr3(pgd_pa);
	local_flush_tlb_all();
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

/*
 * The caller has changed mm's entries in [start, end). The full barrier
 * orders those stores before the read of cpu_mask: a CPU that sets its bit
 * after the read loads CR3 after it, and so walks the new entries.
 */
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { mm, start, end };

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	flush_tlb_on(__atomic_load_n(&mm->cpu_mask, __ATOMIC_RELAXED), &info);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_range(mm, 0, USER_VA_END);
}

/*
 * Every flush of a user range runs flush_tlb_func() on each CPU of
 * mm->cpu_mask (this one included) and waits for all: a CPU walking mm's
 * tables with interrupts off (GUP-fast) has left that walk when the flush
 * returns.
 */
bool arch_tlb_flush_waits_for_cpus(void)
{
	return true;
}

/*
 * Interrupts off. next NULL or &init_mm: a kernel thread, kernel tables.
 * This CPU joins next->cpu_mask before loading its tables and leaves
 * prev->cpu_mask after (see the top of the file).
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	cpumask_t self = cpumask_of(this_cpu()->id);
	phys_addr_t pa;

	if (!next)
		next = &init_mm;
	pa = __pa(next->pgd);
	if (next != &init_mm && !(__atomic_load_n(&next->cpu_mask, __ATOMIC_RELAXED) & self))
		__atomic_fetch_or(&next->cpu_mask, self, __ATOMIC_SEQ_CST);
	if (current_pgd_pa() == pa)
		return;
	write_cr3(pa);
	if (prev && prev != next && prev != &init_mm)
		__atomic_fetch_and(&prev->cpu_mask, ~self, __ATOMIC_SEQ_CST);
}
