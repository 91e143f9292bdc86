/*
 * Which drivers the arm64 kernel has, keyed by device-tree "compatible",
 * and the order devices are brought up in arch_late_init(). To support a
 * new board's interrupt controller, timer or UART, add its driver here.
 */
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <asm/device.h>
#include <mm/pgtable.h>

const struct of_device_id irqchip_of_match[] = {
	{ "arm,cortex-a15-gic", gic_v2_probe },
	{ "arm,gic-400", gic_v2_probe },
	{ "brcm,bcm2836-l1-intc", bcm2836_l1_intc_probe },	/* Pi 3 */
	{ NULL, NULL },
};

/* Controllers chained behind the root one (probed after it, if present). */
const struct of_device_id chained_irqchip_of_match[] = {
	{ "brcm,bcm2836-armctrl-ic", bcm2835_armctrl_ic_probe },	/* Pi 3 */
	{ "brcm,bcm2835-armctrl-ic", bcm2835_armctrl_ic_probe },
	{ NULL, NULL },
};

/* Pin controllers that route the console UART to its pins (optional). */
const struct of_device_id pinctrl_of_match[] = {
	{ "brcm,bcm2711-gpio", bcm2835_gpio_probe },	/* Pi 4 */
	{ "brcm,bcm2835-gpio", bcm2835_gpio_probe },	/* Pi 3 */
	{ NULL, NULL },
};

const struct of_device_id timer_of_match[] = {
	{ "arm,armv8-timer", arch_timer_probe },
	{ "arm,armv7-timer", arch_timer_probe },	/* Pi 3 (the same generic timer) */
	{ NULL, NULL },
};

const struct uart_driver *const uart_drivers[] = {
	&pl011_driver,
	&bcm2835_aux_uart_driver,
	NULL,
};

bool of_address(const void *fdt, int node, int index, phys_addr_t *pa, u64 *size)
{
	u64 addr;

	if (!fdt_get_reg(fdt, node, index, &addr, size))
		return false;
	addr = fdt_translate_address(fdt, node, addr);
	if (addr == FDT_BAD_ADDR)
		return false;
	*pa = addr;
	return true;
}

void *of_iomap(const void *fdt, int node, int index)
{
	phys_addr_t pa;
	u64 size;

	if (!of_address(fdt, node, index, &pa, &size) || !size)
		return NULL;
	return ioremap(pa, size);
}

/* A node is usable unless its "status" says otherwise ("okay"/"ok"). */
static bool of_device_is_available(const void *fdt, int node)
{
	int len;
	const char *status = fdt_getprop(fdt, node, "status", &len);

	if (!status)
		return true;
	return (len == 5 && !memcmp(status, "okay", 5)) ||
	       (len == 3 && !memcmp(status, "ok", 3));
}

/*
 * Probe the first enabled node matching any entry of table. Returns the
 * probe's result, or -ENODEV if no node matches.
 */
static int of_probe_first(const void *fdt, const struct of_device_id *table)
{
	const struct of_device_id *id;
	int node;

	for (id = table; id->compatible; id++) {
		for (node = fdt_node_offset_by_compatible(fdt, -1, id->compatible);
		     node >= 0;
		     node = fdt_node_offset_by_compatible(fdt, node, id->compatible)) {
			if (of_device_is_available(fdt, node))
				return id->probe(fdt, node);
		}
	}
	return -ENODEV;
}

/*
 * Bring up the devices the kernel itself needs: the interrupt controller
 * first (the others request interrupts from it) and any controller chained
 * behind it, the console's pins and receive side, then the tick. Panics if
 * a required one is missing.
 */
void arm64_probe_devices(const void *fdt)
{
	int err;

	err = of_probe_first(fdt, irqchip_of_match);
	if (err)
		panic("no usable interrupt controller in the device tree (%d)\n", err);
	err = of_probe_first(fdt, chained_irqchip_of_match);
	if (err && err != -ENODEV)
		printk("chained interrupt controller failed (%d)\n", err);
	of_probe_first(fdt, pinctrl_of_match);
	console_late_init(fdt);
	err = of_probe_first(fdt, timer_of_match);
	if (err)
		panic("no usable timer in the device tree (%d)\n", err);
}
