/*
 * Self-tests of the x86-64 SMP machinery on the live system: every CPU the
 * firmware listed came online with its own local APIC, GDT/TSS and timer;
 * an IPI reaches each CPU; a kernel TLB flush reaches each CPU (no CPU
 * keeps a stale translation of a remapped page). With one CPU they check
 * the boot CPU alone.
 */
#include <kernel/arch.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/smp.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/msr.h>

/* A page of the ioremap window's top GiB, which pgtable_test.c keeps free. */
#define SMP_TEST_VA (IOREMAP_END - SZ_1G / 2)
#define TICK_WAIT_NS 100000000ULL	/* 100 ms: ~10 ticks at HZ 100 */

struct cpu_report {
	u32 apic_id[NR_CPUS];
	u64 gs_base[NR_CPUS];
	u64 value[NR_CPUS];
	cpumask_t ran;
};

static void report_cpu(void *arg)
{
	struct cpu_report *r = arg;
	int id = this_cpu()->id;

	r->apic_id[id] = lapic_id();
	r->gs_base[id] = rdmsr(MSR_GS_BASE);
	__atomic_fetch_or(&r->ran, cpumask_of(id), __ATOMIC_SEQ_CST);
}

KTEST(x86_smp_every_cpu_online_with_its_apic_id)
{
	struct cpu_report r = { 0 };
	cpumask_t online = READ_ONCE(cpu_online_mask);
	int cpu;

	KTEST_ASSERT(online == (cpumask_t)((1ULL << x86_platform.nr_cpus) - 1),
		     "online mask %#llx, firmware lists %d CPUs", (unsigned long long)online,
		     x86_platform.nr_cpus);
	smp_call_function_many(online, report_cpu, &r, true);
	KTEST_ASSERT(r.ran == online, "the call ran on %#llx of %#llx",
		     (unsigned long long)r.ran, (unsigned long long)online);
	for (cpu = 0; cpu < x86_platform.nr_cpus; cpu++) {
		KTEST_ASSERT(r.apic_id[cpu] == x86_platform.apic_id[cpu],
			     "CPU %d has APIC id %u, expected %u", cpu, r.apic_id[cpu],
			     x86_platform.apic_id[cpu]);
		KTEST_ASSERT(r.gs_base[cpu] == (u64)&cpus[cpu], "CPU %d: GS base %#llx", cpu,
			     (unsigned long long)r.gs_base[cpu]);
		KTEST_ASSERT(cpu_tss[cpu].ist[IST_DOUBLE_FAULT - 1] != 0,
			     "CPU %d has no double-fault stack", cpu);
	}
}

KTEST(x86_smp_every_cpu_takes_timer_interrupts)
{
	unsigned long before[NR_CPUS];
	u64 end;
	int cpu;

	for (cpu = 0; cpu < x86_platform.nr_cpus; cpu++)
		before[cpu] = apic_timer_interrupts(cpu);
	end = arch_clock_ns() + TICK_WAIT_NS;
	while (arch_clock_ns() < end)
		arch_cpu_relax();
	for (cpu = 0; cpu < x86_platform.nr_cpus; cpu++)
		KTEST_ASSERT(apic_timer_interrupts(cpu) > before[cpu] + 2,
			     "CPU %d: %lu timer interrupts in 100 ms", cpu,
			     apic_timer_interrupts(cpu) - before[cpu]);
}

/* Each CPU reads the u64 at SMP_TEST_VA into its slot. */
static void read_test_va(void *arg)
{
	struct cpu_report *r = arg;

	r->value[this_cpu()->id] = READ_ONCE(*(u64 *)SMP_TEST_VA);
}

KTEST(x86_smp_kernel_tlb_flush_reaches_every_cpu)
{
	struct folio *a = folio_alloc(0, 0), *b = folio_alloc(0, 0);
	cpumask_t online = READ_ONCE(cpu_online_mask);
	struct pgtable_lookup l;
	struct cpu_report r = { 0 };
	int cpu, err;

	KTEST_ASSERT(a && b, "out of memory");
	*(u64 *)folio_address(a) = 0xaaaa;
	*(u64 *)folio_address(b) = 0xbbbb;

	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, SMP_TEST_VA, page_to_phys(&a->page), PAGE_SIZE,
				PAGE_KERNEL, 0);
	spin_unlock(&init_mm.page_table_lock);
	KTEST_ASSERT(!err, "map A: %d", err);
	smp_call_function_many(online, read_test_va, &r, true);	/* every TLB caches A */
	for (cpu = 0; cpu < x86_platform.nr_cpus; cpu++)
		KTEST_ASSERT(r.value[cpu] == 0xaaaa, "CPU %d read %#llx through A", cpu,
			     (unsigned long long)r.value[cpu]);

	spin_lock(&init_mm.page_table_lock);
	pgtable_unmap_range(&init_mm, SMP_TEST_VA, PAGE_SIZE, NULL);
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_kernel_range(SMP_TEST_VA, SMP_TEST_VA + PAGE_SIZE);
	KTEST_ASSERT(!pgtable_lookup(&init_mm, SMP_TEST_VA, &l), "entry still there");

	/* Same address, another page: a CPU that missed the flush reads A. */
	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, SMP_TEST_VA, page_to_phys(&b->page), PAGE_SIZE,
				PAGE_KERNEL, 0);
	spin_unlock(&init_mm.page_table_lock);
	KTEST_ASSERT(!err, "map B: %d", err);
	smp_call_function_many(online, read_test_va, &r, true);

	spin_lock(&init_mm.page_table_lock);
	pgtable_unmap_range(&init_mm, SMP_TEST_VA, PAGE_SIZE, NULL);
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_kernel_range(SMP_TEST_VA, SMP_TEST_VA + PAGE_SIZE);
	folio_put(a);
	folio_put(b);
	for (cpu = 0; cpu < x86_platform.nr_cpus; cpu++)
		KTEST_ASSERT(r.value[cpu] == 0xbbbb, "CPU %d read %#llx: stale translation", cpu,
			     (unsigned long long)r.value[cpu]);
}
