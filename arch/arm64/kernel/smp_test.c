/*
 * Self-tests of the arm64 SMP code: every CPU the device tree lists came
 * online and takes its own timer interrupts, an IPI reaches each CPU, each
 * CPU runs with the boot CPU's EL1 set-up, and a kernel TLB flush
 * (broadcast TLBI) reaches each CPU.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/selftest.h>
#include <kernel/smp.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>

#define WAIT_NS 1000000000ULL
#define TLB_TEST_VA (IOREMAP_END - 2 * SZ_1G)

/* Spin (IRQs on) until cond holds or a second has passed; returns cond. */
#define wait_until(cond)                                                  \
	({                                                                \
		u64 __start = arch_clock_ns();                            \
		while (!(cond) && arch_clock_ns() - __start < WAIT_NS)    \
			arch_cpu_relax();                                 \
		(cond);                                                   \
	})

KTEST(arm64_smp_all_cpus_ticking)
{
	u64 before[NR_CPUS];
	int cpu;

	KTEST_ASSERT(nr_cpus_online == arm64_nr_cpus, "%d of %d CPUs online",
		     nr_cpus_online, arm64_nr_cpus);
	for (cpu = 0; cpu < arm64_nr_cpus; cpu++) {
		KTEST_ASSERT(cpu_online_mask & cpumask_of(cpu), "CPU%d not online", cpu);
		before[cpu] = arch_timer_ticks(cpu);
	}
	for (cpu = 0; cpu < arm64_nr_cpus; cpu++)
		KTEST_ASSERT(wait_until(arch_timer_ticks(cpu) >= before[cpu] + 2),
			     "CPU%d: timer ticks stuck at %llu", cpu,
			     (unsigned long long)arch_timer_ticks(cpu));
}

static void note_cpu(void *arg)
{
	__atomic_fetch_or((cpumask_t *)arg, cpumask_of(this_cpu()->id), __ATOMIC_RELAXED);
}

/* IPI_CALL_FUNC to each CPU on its own, then to all at once. */
KTEST(arm64_smp_ipi_reaches_each_cpu)
{
	cpumask_t seen;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!(cpu_online_mask & cpumask_of(cpu)))
			continue;
		seen = 0;
		smp_call_function_many(cpumask_of(cpu), note_cpu, &seen, true);
		KTEST_ASSERT(seen == cpumask_of(cpu), "call on CPU%d ran on %#llx", cpu,
			     (unsigned long long)seen);
	}
	seen = 0;
	smp_call_function_many(cpu_online_mask, note_cpu, &seen, true);
	KTEST_ASSERT(seen == cpu_online_mask, "call on %#llx ran on %#llx",
		     (unsigned long long)cpu_online_mask, (unsigned long long)seen);
}

/* The EL1 set-up every CPU must share with the boot CPU. */
enum { REG_SCTLR, REG_TCR, REG_MAIR, REG_VBAR, REG_CPACR, REG_TTBR1, REG_CNTKCTL, REG_PAN,
       NR_REGS };
static const char *const reg_name[NR_REGS] = { "SCTLR_EL1", "TCR_EL1", "MAIR_EL1",
	"VBAR_EL1", "CPACR_EL1", "TTBR1_EL1", "CNTKCTL_EL1", "PSTATE.PAN" };
static u64 cpu_regs[NR_CPUS][NR_REGS];

static void save_cpu_regs(void *arg)
{
	u64 *r = cpu_regs[this_cpu()->id];
	u64 mmfr1 = read_sysreg(id_aa64mmfr1_el1);

	(void)arg;
	r[REG_SCTLR] = read_sysreg(sctlr_el1);
	r[REG_TCR] = read_sysreg(tcr_el1);
	r[REG_MAIR] = read_sysreg(mair_el1);
	r[REG_VBAR] = read_sysreg(vbar_el1);
	r[REG_CPACR] = read_sysreg(cpacr_el1);
	r[REG_TTBR1] = read_sysreg(ttbr1_el1);
	r[REG_CNTKCTL] = read_sysreg(cntkctl_el1);
	/* PSTATE.PAN, readable as a system register only where PAN exists. */
	r[REG_PAN] = (mmfr1 >> ID_AA64MMFR1_PAN_SHIFT) & ID_AA64MMFR1_PAN_MASK ?
			     read_sysreg(s3_0_c4_c2_3) : 0;
}

KTEST(arm64_smp_cpu_state_matches_boot_cpu)
{
	int cpu, i;

	smp_call_function_many(cpu_online_mask, save_cpu_regs, NULL, true);
	for (cpu = 1; cpu < NR_CPUS; cpu++) {
		if (!(cpu_online_mask & cpumask_of(cpu)))
			continue;
		for (i = 0; i < NR_REGS; i++)
			KTEST_ASSERT(cpu_regs[cpu][i] == cpu_regs[0][i],
				     "CPU%d %s %#llx, CPU0 %#llx", cpu, reg_name[i],
				     (unsigned long long)cpu_regs[cpu][i],
				     (unsigned long long)cpu_regs[0][i]);
	}
}

static u64 tlb_seen[NR_CPUS];

static void read_test_va(void *arg)
{
	(void)arg;
	tlb_seen[this_cpu()->id] = *(volatile u64 *)TLB_TEST_VA;
}

/* Every online CPU reads TLB_TEST_VA; returns the first CPU that did not see want, or -1. */
static int all_cpus_read(u64 want)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		tlb_seen[cpu] = 0;
	smp_call_function_many(cpu_online_mask, read_test_va, NULL, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if ((cpu_online_mask & cpumask_of(cpu)) && tlb_seen[cpu] != want)
			return cpu;
	return -1;
}

static int map_test_page(struct folio *f)
{
	int err;

	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, TLB_TEST_VA, page_to_phys(&f->page), PAGE_SIZE,
				PAGE_KERNEL, 0);
	spin_unlock(&init_mm.page_table_lock);
	return err;
}

static void unmap_test_page(void)
{
	spin_lock(&init_mm.page_table_lock);
	pgtable_unmap_range(&init_mm, TLB_TEST_VA, PAGE_SIZE, NULL);
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_kernel_range(TLB_TEST_VA, TLB_TEST_VA + PAGE_SIZE);
}

/*
 * Every CPU caches VA -> page a; the VA is remapped to page b with
 * break-before-make (unmap, broadcast flush, map); every CPU must then
 * read b's contents, not a's through a stale TLB entry.
 */
KTEST(arm64_smp_kernel_tlb_flush_reaches_each_cpu)
{
	struct folio *a = folio_alloc(0, 0), *b = folio_alloc(0, 0);
	int err, cpu;

	KTEST_ASSERT(a && b, "allocation failed");
	*(u64 *)folio_address(a) = 0xaaaa;
	*(u64 *)folio_address(b) = 0xbbbb;
	err = map_test_page(a);
	KTEST_ASSERT(!err, "map failed: %d", err);
	cpu = all_cpus_read(0xaaaa);
	if (cpu < 0) {
		unmap_test_page();
		err = map_test_page(b);
		if (!err)
			cpu = all_cpus_read(0xbbbb);
	}
	unmap_test_page();
	folio_put(a);
	folio_put(b);
	KTEST_ASSERT(!err, "remap failed: %d", err);
	KTEST_ASSERT(cpu < 0, "CPU%d read %#llx", cpu, (unsigned long long)tlb_seen[cpu]);
}
