/*
 * BCM2836 per-core local interrupt controller ("brcm,bcm2836-l1-intc"),
 * the root controller of the Raspberry Pi 3 (BCM2837; no GIC). Every core
 * has its own pending register; the sources are the core's generic timers,
 * its four mailboxes, the PMU and the "GPU" interrupt, which is the chained
 * BCM2835 armctrl-ic (bcm2835_armctrl_ic.c) routed to one core.
 *
 * Interrupt numbers: 0-15 IPIs (the bits of each core's mailbox 0, see
 * <asm/irq.h>), 16 + n for local source n (the device-tree specifier
 * <n flags>: 0-3 timers CNTPS, CNTPNS, CNTHP, CNTV; 8 GPU; 9 PMU).
 */
#include <kernel/compiler.h>
#include <kernel/cpu.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/device.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/sysreg.h>

#define LOCAL_GPU_ROUTING 0x0c			/* bits 1:0: core taking GPU IRQs */
#define LOCAL_TIMER_INT_CONTROL(core) (0x40 + 4 * (core))	/* bit n: timer n -> IRQ */
#define LOCAL_MAILBOX_INT_CONTROL(core) (0x50 + 4 * (core))	/* bit n: mailbox n -> IRQ */
#define LOCAL_IRQ_PENDING(core) (0x60 + 4 * (core))		/* bit n: source n pending */
#define LOCAL_MAILBOX0_SET(core) (0x80 + 16 * (core))	/* write 1s: set bits */
#define LOCAL_MAILBOX0_CLR(core) (0xc0 + 16 * (core))	/* read; write 1s: clear */

#define LOCAL_IRQ_CNTVIRQ 3			/* last of the four timer sources */
#define LOCAL_IRQ_MAILBOX0 4
#define LOCAL_IRQ_GPU 8
#define LOCAL_IRQ_PMU 9
#define LOCAL_NR_IRQS 10
#define LOCAL_NR_CORES 4

#define L1_FIRST_LOCAL_IRQ 16			/* after the IPIs */
#define MPIDR_AFF0_MASK 0xff

static void *base;
static u8 cpu_core[NR_CPUS];			/* logical CPU -> core number */

static unsigned int this_core(void)
{
	return read_sysreg(mpidr_el1) & MPIDR_AFF0_MASK;
}

static int l1_xlate(const u32 *cells, int ncells, unsigned int *irq)
{
	if (ncells < 1 || cells[0] >= LOCAL_NR_IRQS ||
	    (cells[0] >= LOCAL_IRQ_MAILBOX0 && cells[0] < LOCAL_IRQ_GPU))
		return -EINVAL;
	*irq = L1_FIRST_LOCAL_IRQ + cells[0];
	return 0;
}

/*
 * A timer is enabled on the calling core only (a per-CPU interrupt); the
 * GPU interrupt is routed to the calling core. IPIs are on from init_cpu;
 * the PMU is not routed (nothing uses it). IRQs off: the registers written
 * are this core's, or set once at boot.
 */
static void l1_unmask(unsigned int irq)
{
	unsigned int core = this_core(), n = irq - L1_FIRST_LOCAL_IRQ;

	if (irq < L1_FIRST_LOCAL_IRQ)
		return;
	if (n <= LOCAL_IRQ_CNTVIRQ)
		writel(readl(base + LOCAL_TIMER_INT_CONTROL(core)) | BIT(n),
		       base + LOCAL_TIMER_INT_CONTROL(core));
	else if (n == LOCAL_IRQ_GPU)
		writel(core, base + LOCAL_GPU_ROUTING);
}

/*
 * This core's pending sources, each handled once (a level source still
 * pending interrupts again). Mailbox 0 bits are cleared before their IPIs
 * run, so an IPI sent meanwhile is not lost.
 */
static void l1_handle(void)
{
	unsigned int core = this_core();
	u32 pending = readl(base + LOCAL_IRQ_PENDING(core));
	unsigned int n;

	if (pending & BIT(LOCAL_IRQ_MAILBOX0)) {
		u32 ipis = readl(base + LOCAL_MAILBOX0_CLR(core));

		writel(ipis, base + LOCAL_MAILBOX0_CLR(core));
		for (n = 0; n < NR_IPIS; n++)
			if (ipis & BIT(n))
				generic_handle_irq(IPI_IRQ(n));
	}
	for (n = 0; n < LOCAL_NR_IRQS; n++)
		if (n != LOCAL_IRQ_MAILBOX0 && (pending & BIT(n)))
			generic_handle_irq(L1_FIRST_LOCAL_IRQ + n);
}

/* The calling core: timers masked, mailbox 0 (IPIs) on. */
static void l1_init_cpu(int cpu)
{
	unsigned int core = this_core();

	cpu_core[cpu] = core;
	writel(0, base + LOCAL_TIMER_INT_CONTROL(core));
	writel(~0u, base + LOCAL_MAILBOX0_CLR(core));
	writel(BIT(0), base + LOCAL_MAILBOX_INT_CONTROL(core));
}

/* Setting the bit is the interrupt; writel() orders earlier stores first. */
static void l1_send_ipi(int cpu, unsigned int ipi)
{
	writel(BIT(ipi), base + LOCAL_MAILBOX0_SET(cpu_core[cpu]));
}

static const struct irq_chip l1_chip = {
	.name = "bcm2836-l1-intc",
	.xlate = l1_xlate,
	.unmask = l1_unmask,
	.handle = l1_handle,
	.init_cpu = l1_init_cpu,
	.send_ipi = l1_send_ipi,
};

int bcm2836_l1_intc_probe(const void *fdt, int node)
{
	BUILD_BUG_ON(NR_IPIS > 32);
	if (this_core() >= LOCAL_NR_CORES)
		return -ENODEV;
	base = of_iomap(fdt, node, 0);
	if (!base)
		return -ENODEV;
	l1_init_cpu(0);
	irqchip_register(&l1_chip, node);
	printk("bcm2836-l1-intc: per-core controller, boot core %u\n", this_core());
	return 0;
}
