/*
 * arm64 side of <kernel/smp.h>: the CPUs the device tree lists, starting
 * them (PSCI CPU_ON or a spin-table release; the path is in <asm/smp.h>),
 * the set-up each does for itself, and IPIs as software interrupts of the
 * root interrupt controller (GICv2 SGIs).
 *
 * Device tree: every /cpus child with device_type "cpu", parsed by
 * of_cpu_boot() (cpu_ops.c: MPIDR, PSCI or spin table and its release
 * address). The boot CPU is logical CPU 0, the others follow in tree order.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <asm/irq.h>
#include <asm/kernel-pgtable.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <mm/page.h>
#include <mm/pgtable.h>

#define MPIDR_HWID_MASK 0xff00ffffffULL	/* Aff3 [39:32], Aff2-Aff0 [23:0] */
/*
 * How long a released CPU may take to reach C: Linux's 5 s, far more than
 * hardware needs, but QEMU TCG needs more than 1 s under load. On raspi3b
 * the parked CPUs spin in the firmware's loop (QEMU's wfe does not sleep),
 * so four busy vCPU threads share the host's cores until each CPU is
 * started: with 16 competing busy threads on 2 host cores one start took
 * 150 ms and the banner 3.5 s, and starts scale with load (banners of 7 s
 * have been seen). A CPU that missed the limit stayed offline and
 * arm64_smp_all_cpus_ticking failed.
 */
#define SECONDARY_TIMEOUT_NS 5000000000ULL

static const char *const enable_method_name[] = { "none", "psci", "spin-table" };

/* How to start each logical CPU > 0 (filled by arch_smp_prepare()). */
static struct cpu_boot cpu_boot[NR_CPUS];

int arm64_nr_cpus = 1;

BUILD_BUG_ON(NR_IPI_TYPES > NR_IPIS);
/* smp_head.S reads struct secondary_data by these offsets. */
BUILD_BUG_ON(offsetof(struct secondary_data, ttbr0) != SECONDARY_DATA_TTBR0);
BUILD_BUG_ON(offsetof(struct secondary_data, ttbr1) != SECONDARY_DATA_TTBR1);
BUILD_BUG_ON(offsetof(struct secondary_data, stack) != SECONDARY_DATA_STACK);
BUILD_BUG_ON(offsetof(struct secondary_data, cpu) != SECONDARY_DATA_CPU);

/* For the CPU being started; one at a time (arch_boot_secondary waits). */
struct secondary_data secondary_data;
static int secondary_ready = -1;	/* the last CPU that finished its set-up */
static bool secondary_stuck;		/* one never answered: start no more */

/*
 * Bring-up identity map (TTBR0 of a starting CPU): the 2 MiB block(s)
 * holding .idmap.text (secondary_entry), normal memory, executable.
 * Nothing else: a board's device registers may share the kernel's GiB
 * (the Pi 3's), and they must never be mapped as normal memory.
 */
static u64 idmap_pgd[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static u64 idmap_pud[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static u64 idmap_pmd[PTRS_PER_TABLE] __aligned(PAGE_SIZE);

static void clean_table(u64 *table)
{
	dcache_clean_inval_poc((unsigned long)table, (unsigned long)(table + PTRS_PER_TABLE));
}

static void build_bringup_idmap(void)
{
	phys_addr_t start = __pa_symbol(__idmap_text_start);
	phys_addr_t end = __pa_symbol(__idmap_text_end);
	phys_addr_t pa;

	BUG_ON(ALIGN_DOWN(start, SZ_1G) != ALIGN_DOWN(end - 1, SZ_1G));
	idmap_pgd[pgd_index(start)] = __pa_symbol(idmap_pud) | EARLY_TABLE;
	idmap_pud[pud_index(start)] = __pa_symbol(idmap_pmd) | EARLY_TABLE;
	for (pa = ALIGN_DOWN(start, SZ_2M); pa < end; pa += SZ_2M)
		idmap_pmd[pmd_index(pa)] = pa | EARLY_BLOCK_NORMAL_EXEC;
	/* The starting CPU walks them with its caches off. */
	clean_table(idmap_pgd);
	clean_table(idmap_pud);
	clean_table(idmap_pmd);
}

/* Add CPU node to cpu_boot[] unless it is the boot CPU; returns the new count. */
static int add_cpu(const void *fdt, int node, int cpus_node, int n)
{
	u64 boot_mpidr = read_sysreg(mpidr_el1) & MPIDR_HWID_MASK;
	struct cpu_boot b;

	if (!of_cpu_boot(fdt, node, cpus_node, &b) || b.mpidr == boot_mpidr)
		return n;
	if (n == NR_CPUS) {
		printk("smp: CPU %#llx ignored: at most %d CPUs\n", (unsigned long long)b.mpidr,
		       NR_CPUS);
		return n;
	}
	if (b.method == ENABLE_PSCI && !psci_available())
		b.method = ENABLE_NONE;
	if (b.method == ENABLE_NONE) {
		printk("smp: CPU %#llx has no usable enable-method, left off\n",
		       (unsigned long long)b.mpidr);
		return n;
	}
	cpu_boot[n] = b;
	return n + 1;
}

/* The handler of every IPI: IPI n arrives as irq IPI_IRQ(n). */
static void ipi_handler(unsigned int irq, void *data)
{
	(void)data;
	smp_handle_ipi((enum ipi_type)(irq - IPI_IRQ(0)));
}

int arch_smp_prepare(void)
{
	const void *fdt = __va(boot_info.dtb);
	int cpus_node = fdt_path_offset(fdt, "/cpus");
	int node, n = 1, len;
	unsigned long flags;
	unsigned int t;
	const char *type;

	if (cpus_node < 0)
		return 1;
	for (node = fdt_first_child(fdt, cpus_node); node >= 0;
	     node = fdt_next_sibling(fdt, node)) {
		type = fdt_getprop(fdt, node, "device_type", &len);
		if (type && len == 4 && !memcmp(type, "cpu", 4))
			n = add_cpu(fdt, node, cpus_node, n);
	}
	if (n == 1)
		return 1;
	if (!irqchip_can_send_ipi()) {
		printk("smp: the interrupt controller cannot send IPIs: one CPU only\n");
		return 1;
	}
	flags = arch_irq_save();
	for (t = 0; t < NR_IPI_TYPES; t++)
		if (request_irq(IPI_IRQ(t), ipi_handler, NULL))
			panic("smp: IPI %u: irq %u is taken\n", t, IPI_IRQ(t));
	arch_irq_restore(flags);
	build_bringup_idmap();
	arm64_nr_cpus = n;
	return n;
}

/*
 * Release a CPU parked on a spin table: it polls release_addr with its
 * caches off (sleeping in wfe), so the entry address is cleaned to the
 * point of coherency before the sev. The slot is in RAM (the direct map)
 * on every board we know; elsewhere it is ioremapped for good (once per
 * CPU). Returns 0 or -ENOMEM.
 */
static int spin_table_release(phys_addr_t release_addr)
{
	bool ram = pfn_valid(release_addr >> PAGE_SHIFT);
	volatile u64 *slot = ram ? __va(release_addr) : ioremap(release_addr, sizeof(u64));

	if (!slot)
		return -ENOMEM;
	*slot = __pa_symbol(secondary_entry);
	dcache_clean_inval_poc((unsigned long)slot, (unsigned long)(slot + 1));
	__asm__ __volatile__("sev" ::: "memory");
	return 0;
}

int arch_boot_secondary(int cpu, struct task_struct *idle)
{
	struct cpu_boot *b = &cpu_boot[cpu];
	u64 start;
	int err;

	if (cpu <= 0 || cpu >= arm64_nr_cpus)
		return -EINVAL;
	if (secondary_stuck)
		return -EBUSY;
	secondary_data.ttbr0 = __pa_symbol(idmap_pgd);
	secondary_data.ttbr1 = read_sysreg(ttbr1_el1);
	secondary_data.stack = (u64)(unsigned long)task_pt_regs(idle);
	secondary_data.cpu = &cpus[cpu];
	dcache_clean_inval_poc((unsigned long)&secondary_data,
			       (unsigned long)(&secondary_data + 1));
	if (b->method == ENABLE_PSCI)
		err = psci_cpu_on(b->mpidr, __pa_symbol(secondary_entry), 0);
	else
		err = spin_table_release(b->release_addr);
	if (err) {
		printk("smp: CPU%d (MPIDR %#llx): %s start failed: %d\n", cpu,
		       (unsigned long long)b->mpidr, enable_method_name[b->method], err);
		return err;
	}
	start = arch_clock_ns();
	while (__atomic_load_n(&secondary_ready, __ATOMIC_ACQUIRE) != cpu) {
		if (arch_clock_ns() - start > SECONDARY_TIMEOUT_NS) {
			/* It may still come and read secondary_data: reuse none of it. */
			secondary_stuck = true;
			printk("smp: CPU%d (MPIDR %#llx) did not come up within 5 s "
			       "(%s); starting no more CPUs\n", cpu,
			       (unsigned long long)b->mpidr, enable_method_name[b->method]);
			return -EIO;
		}
		arch_cpu_relax();
	}
	return 0;
}

void arch_send_ipi(int cpu, enum ipi_type type)
{
	irqchip_send_ipi(cpu, type);
}

/*
 * First C code of a secondary (smp_head.S), on its idle task's stack with
 * IRQs masked, entered from exception level `el`. Sets up what is per CPU
 * and becomes the idle task; secondary_start_kernel() enables IRQs.
 */
void __noreturn arm64_secondary_start(struct cpu *c, u32 el)
{
	cpu_uninstall_idmap();
	arch_cpu_set_percpu(c);
	cpu_enable_pan();
	irqchip_init_cpu(c->id);
	arch_timer_init_cpu();
	printk("smp: CPU%d up, MPIDR %#llx, entered at EL%u\n", c->id,
	       (unsigned long long)(read_sysreg(mpidr_el1) & MPIDR_HWID_MASK), el);
	__atomic_store_n(&secondary_ready, c->id, __ATOMIC_RELEASE);
	secondary_start_kernel();
}
