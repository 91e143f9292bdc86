/*
 * BCM2835 ARM control interrupt controller ("brcm,bcm2836-armctrl-ic" on
 * the Pi 2/3, where it is chained behind the per-core bcm2836-l1-intc as
 * its "GPU" interrupt; "brcm,bcm2835-armctrl-ic" names the same block).
 * The Pi 3's peripherals (mini UART, PL011, ...) interrupt through it.
 *
 * Three banks: 0 "basic" (8 ARM-side sources), 1 and 2 the 64 GPU
 * peripheral interrupts. The device-tree specifier is <bank n>; our irq
 * number is ARMCTRL_FIRST_IRQ + 32 * bank + n.
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/device.h>
#include <asm/io.h>
#include <asm/irq.h>

#define ARMCTRL_NR_BANKS 3
#define ARMCTRL_BANK0_SIZE 8		/* bank 0's bits 8 and up summarize banks 1-2 */
#define ARMCTRL_FIRST_IRQ 32		/* after the l1-intc's numbers */

/* Register offsets per bank: pending (read), enable and disable (write 1s). */
static const u16 reg_pending[ARMCTRL_NR_BANKS] = { 0x00, 0x04, 0x08 };
static const u16 reg_enable[ARMCTRL_NR_BANKS] = { 0x18, 0x10, 0x14 };
static const u16 reg_disable[ARMCTRL_NR_BANKS] = { 0x24, 0x1c, 0x20 };

static void *base;
static u32 enabled[ARMCTRL_NR_BANKS];	/* what we unmasked: pending is trusted only there */

static int armctrl_xlate(const u32 *cells, int ncells, unsigned int *irq)
{
	if (ncells < 2 || cells[0] >= ARMCTRL_NR_BANKS ||
	    cells[1] >= (cells[0] == 0 ? ARMCTRL_BANK0_SIZE : 32))
		return -EINVAL;
	*irq = ARMCTRL_FIRST_IRQ + 32 * cells[0] + cells[1];
	return 0;
}

/* Called with IRQs off (request_irq); the enable registers are write-1s. */
static void armctrl_unmask(unsigned int irq)
{
	unsigned int bank = (irq - ARMCTRL_FIRST_IRQ) / 32, n = (irq - ARMCTRL_FIRST_IRQ) % 32;

	enabled[bank] |= BIT(n);
	writel(BIT(n), base + reg_enable[bank]);
}

/* Every pending enabled interrupt of every bank, once. */
static void armctrl_handle(void)
{
	unsigned int bank, n;

	for (bank = 0; bank < ARMCTRL_NR_BANKS; bank++) {
		u32 pending = readl(base + reg_pending[bank]) & enabled[bank];

		for (n = 0; pending; n++, pending >>= 1)
			if (pending & 1)
				generic_handle_irq(ARMCTRL_FIRST_IRQ + 32 * bank + n);
	}
}

static void armctrl_cascade(unsigned int irq, void *data)
{
	(void)irq;
	(void)data;
	armctrl_handle();
}

static const struct irq_chip armctrl_chip = {
	.name = "bcm2835-armctrl-ic",
	.xlate = armctrl_xlate,
	.unmask = armctrl_unmask,
	.handle = armctrl_handle,
};

/*
 * Chained probe: needs the root controller it is wired to (its own
 * "interrupts") registered. 0 or -errno.
 */
int bcm2835_armctrl_ic_probe(const void *fdt, int node)
{
	unsigned int parent_irq, bank;
	int err;

	err = irq_of_parse(fdt, node, 0, &parent_irq);
	if (err)
		return err;
	base = of_iomap(fdt, node, 0);
	if (!base)
		return -ENODEV;
	for (bank = 0; bank < ARMCTRL_NR_BANKS; bank++)
		writel(~0u, base + reg_disable[bank]);
	irqchip_register_chained(&armctrl_chip, node);
	err = request_irq(parent_irq, armctrl_cascade, NULL);
	if (err)
		return err;
	printk("bcm2835-armctrl-ic: chained on irq %u\n", parent_irq);
	return 0;
}
