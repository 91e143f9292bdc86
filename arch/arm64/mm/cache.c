/*
 * Cache maintenance for code the kernel wrote as data. arm64 instruction
 * caches are not coherent with data caches: before user mode executes a
 * page the kernel filled (exec's loader, fork's copy), its lines are
 * cleaned from the D-cache to the point of unification and the I-cache is
 * invalidated. And data a CPU reads with its MMU (so its caches) off, as
 * a starting secondary does: cleaned to the point of coherency. (QEMU
 * needs none of it; a Raspberry Pi does.)
 */
#include <asm/barrier.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <mm/arch.h>

/* CTR_EL0.DminLine, bits [19:16]: log2 of the smallest D-cache line in words. */
#define CTR_DMINLINE_SHIFT 16
#define CTR_DMINLINE_MASK 0xf

void sync_icache_pages(unsigned long pfn, unsigned int nr)
{
	u64 ctr = read_sysreg(ctr_el0);
	unsigned long line = 4UL << ((ctr >> CTR_DMINLINE_SHIFT) & CTR_DMINLINE_MASK);
	unsigned long start = (unsigned long)__va((phys_addr_t)pfn << PAGE_SHIFT);
	unsigned long end = start + (unsigned long)nr * PAGE_SIZE;
	unsigned long p;

	for (p = start; p < end; p += line)
		__asm__ __volatile__("dc cvau, %0" ::"r"(p) : "memory");
	dsb(ish);
	/* The whole I-cache on every CPU: right for aliasing (VIPT) caches too. */
	__asm__ __volatile__("ic ialluis" ::: "memory");
	dsb(ish);
	isb();
}

void dcache_clean_inval_poc(unsigned long start, unsigned long end)
{
	u64 ctr = read_sysreg(ctr_el0);
	unsigned long line = 4UL << ((ctr >> CTR_DMINLINE_SHIFT) & CTR_DMINLINE_MASK);
	unsigned long p;

	for (p = ALIGN_DOWN(start, line); p < end; p += line)
		__asm__ __volatile__("dc civac, %0" ::"r"(p) : "memory");
	dsb(sy);
}
