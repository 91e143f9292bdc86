/*
 * ARM Generic Interrupt Controller v2 (GIC-400 on the Raspberry Pi 4,
 * "arm,cortex-a15-gic" on QEMU virt,gic-version=2). Its device-tree "reg"
 * holds the distributor (shared: routes and enables SPIs) and the CPU
 * interface (banked per CPU: acknowledge and end interrupts).
 *
 * Interrupt numbers: 0-15 SGIs (software), 16-31 PPIs (per CPU, e.g. the
 * timers), 32-1019 SPIs (shared devices), 1020-1023 special (spurious).
 * All interrupts are group 0, level-triggered, one priority, and go to the
 * boot CPU; SGIs are the IPIs (<asm/irq.h>), each CPU sets up its banked
 * part with init_cpu().
 */
#include <kernel/compiler.h>
#include <kernel/cpu.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/device.h>
#include <asm/io.h>
#include <asm/irq.h>

/* Distributor registers. */
#define GICD_CTLR 0x000
#define GICD_CTLR_ENABLE BIT(0)		/* forward group 0 interrupts */
#define GICD_TYPER 0x004
#define GICD_TYPER_LINES(t) ((((t) & 0x1f) + 1) * 32)	/* ITLinesNumber */
#define GICD_ISENABLER(n) (0x100 + 4 * (n))	/* 1 bit per irq: enable */
#define GICD_ICENABLER(n) (0x180 + 4 * (n))	/* 1 bit per irq: disable */
#define GICD_ICPENDR(n) (0x280 + 4 * (n))	/* 1 bit per irq: clear pending */
#define GICD_IPRIORITYR(n) (0x400 + 4 * (n))	/* 8 bits per irq: priority */
#define GICD_ITARGETSR(n) (0x800 + 4 * (n))	/* 8 bits per irq: CPU mask */
#define GICD_ICFGR(n) (0xc00 + 4 * (n))		/* 2 bits per irq: edge/level */
#define GICD_SGIR 0xf00				/* write: send a software interrupt */
#define GICD_SGIR_TARGETS_SHIFT 16		/* CPUTargetList, bits 23:16 */

/* CPU interface registers. */
#define GICC_CTLR 0x00
#define GICC_CTLR_ENABLE BIT(0)		/* signal group 0 as IRQ */
#define GICC_PMR 0x04			/* priority mask: pass if priority < PMR */
#define GICC_BPR 0x08			/* binary point: all bits are priority */
#define GICC_IAR 0x0c			/* read: acknowledge, irq in bits 9:0 */
#define GICC_EOIR 0x10			/* write the IAR value: end of interrupt */
#define GICC_IAR_IRQ(iar) ((iar) & 0x3ff)

#define GIC_FIRST_PPI 16
#define GIC_FIRST_SPI 32
#define GIC_FIRST_SPECIAL 1020
#define GIC_PRIO_DEFAULT 0xa0		/* every interrupt */
#define GIC_PRIO_MASK 0xf0		/* PMR: let all of them through */

/* Device-tree "interrupts" specifier: <type number flags>. */
#define GIC_DT_SPI 0
#define GIC_DT_PPI 1

static void *gicd, *gicc;
static unsigned int gic_lines;
/* CPU interface mask of each logical CPU (what it reads in ITARGETSR0). */
static u8 gic_cpu_mask[NR_CPUS];

static void gic_unmask(unsigned int irq)
{
	writel(BIT(irq % 32), gicd + GICD_ISENABLER(irq / 32));
}

static int gic_xlate(const u32 *cells, int ncells, unsigned int *irq)
{
	unsigned int first, last;

	if (ncells < 3)
		return -EINVAL;
	if (cells[0] == GIC_DT_SPI) {
		first = GIC_FIRST_SPI;
		last = gic_lines - 1;
	} else if (cells[0] == GIC_DT_PPI) {
		first = GIC_FIRST_PPI;
		last = GIC_FIRST_SPI - 1;
	} else {
		return -EINVAL;
	}
	if (cells[1] > last - first)
		return -EINVAL;
	*irq = first + cells[1];
	return 0;
}

/* SGI ipi to CPU cpu; writel() orders earlier stores before it. */
static void gic_send_ipi(int cpu, unsigned int ipi)
{
	writel((u32)gic_cpu_mask[cpu] << GICD_SGIR_TARGETS_SHIFT | ipi, gicd + GICD_SGIR);
}

/* Acknowledge and run interrupts until none is pending. */
static void gic_handle(void)
{
	for (;;) {
		u32 iar = readl(gicc + GICC_IAR);
		unsigned int irq = GICC_IAR_IRQ(iar);

		if (irq >= GIC_FIRST_SPECIAL)
			return;
		generic_handle_irq(irq);
		writel(iar, gicc + GICC_EOIR);
	}
}

static void gic_cpu_init(int cpu);

static const struct irq_chip gic_v2_chip = {
	.name = "GICv2",
	.xlate = gic_xlate,
	.unmask = gic_unmask,
	.handle = gic_handle,
	.init_cpu = gic_cpu_init,
	.send_ipi = gic_send_ipi,
};

/* Shared part: every SPI disabled, level, default priority, to this CPU. */
static void gic_dist_init(void)
{
	/* ITARGETSR0 is banked: it reads as the mask of the reading CPU. */
	u32 cpumask = readl(gicd + GICD_ITARGETSR(0)) & 0xff;
	unsigned int i;

	writel(0, gicd + GICD_CTLR);
	cpumask |= cpumask << 8;
	cpumask |= cpumask << 16;
	for (i = GIC_FIRST_SPI; i < gic_lines; i += 32) {
		writel(~0u, gicd + GICD_ICENABLER(i / 32));
		writel(~0u, gicd + GICD_ICPENDR(i / 32));
	}
	for (i = GIC_FIRST_SPI; i < gic_lines; i += 4) {
		writel(GIC_PRIO_DEFAULT * 0x01010101u, gicd + GICD_IPRIORITYR(i / 4));
		writel(cpumask, gicd + GICD_ITARGETSR(i / 4));
	}
	for (i = GIC_FIRST_SPI; i < gic_lines; i += 16)
		writel(0, gicd + GICD_ICFGR(i / 16));
	writel(GICD_CTLR_ENABLE, gicd + GICD_CTLR);
}

/* Banked part, per CPU: PPIs off, SGIs on, priorities, CPU interface on. */
static void gic_cpu_init(int cpu)
{
	unsigned int i;

	/* ITARGETSR0 is banked: the calling CPU's own interface mask. */
	gic_cpu_mask[cpu] = readl(gicd + GICD_ITARGETSR(0)) & 0xff;

	writel(0xffff0000u, gicd + GICD_ICENABLER(0));
	writel(0x0000ffffu, gicd + GICD_ISENABLER(0));
	for (i = 0; i < GIC_FIRST_SPI; i += 4)
		writel(GIC_PRIO_DEFAULT * 0x01010101u, gicd + GICD_IPRIORITYR(i / 4));
	writel(GIC_PRIO_MASK, gicc + GICC_PMR);
	writel(0, gicc + GICC_BPR);
	writel(GICC_CTLR_ENABLE, gicc + GICC_CTLR);
}

int gic_v2_probe(const void *fdt, int node)
{
	gicd = of_iomap(fdt, node, 0);
	gicc = of_iomap(fdt, node, 1);
	if (!gicd || !gicc)
		return -ENODEV;
	gic_lines = MIN(GICD_TYPER_LINES(readl(gicd + GICD_TYPER)), GIC_FIRST_SPECIAL);
	gic_dist_init();
	gic_cpu_init(0);
	irqchip_register(&gic_v2_chip, node);
	printk("GICv2: %u interrupt lines\n", gic_lines);
	return 0;
}
