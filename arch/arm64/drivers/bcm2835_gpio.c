/*
 * BCM2835/BCM2711 GPIO function select ("brcm,bcm2835-gpio",
 * "brcm,bcm2711-gpio"): route the console UART to the 40-pin header,
 * GPIO14 (TXD, pin 8) and GPIO15 (RXD, pin 10). The firmware does the same
 * with enable_uart=1; doing it again makes the console independent of
 * which UART the firmware chose. Only the function select registers are
 * touched (pulls stay as the firmware left them).
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <asm/device.h>
#include <asm/io.h>

#define GPFSEL(pin) (0x00 + 4 * ((pin) / 10))	/* 3 bits per pin, 10 per register */
#define GPFSEL_SHIFT(pin) (3 * ((pin) % 10))
#define GPFSEL_MASK 0x7
#define GPIO_FSEL_ALT0 4	/* GPIO14/15: PL011 UART0 TXD0/RXD0 */
#define GPIO_FSEL_ALT5 2	/* GPIO14/15: mini UART TXD1/RXD1 */

#define HEADER_TXD_PIN 14
#define HEADER_RXD_PIN 15

/* The function that puts each console UART on GPIO14/15. */
static const struct {
	const char *compatible;
	u32 fsel;
} console_pin_functions[] = {
	{ "brcm,bcm2835-aux-uart", GPIO_FSEL_ALT5 },
	{ "arm,pl011", GPIO_FSEL_ALT0 },
};

static void gpio_set_function(void *base, unsigned int pin, u32 fsel)
{
	u32 v = readl(base + GPFSEL(pin));

	v &= ~(GPFSEL_MASK << GPFSEL_SHIFT(pin));
	v |= fsel << GPFSEL_SHIFT(pin);
	writel(v, base + GPFSEL(pin));
}

/*
 * Probe: if /chosen stdout-path names a UART of the table above, select
 * its function on GPIO14/15. 0, or -ENODEV (no such console, or the
 * registers cannot be mapped).
 */
int bcm2835_gpio_probe(const void *fdt, int node)
{
	int uart = fdt_chosen_stdout(fdt);
	unsigned int i;
	void *base;

	if (uart < 0)
		return -ENODEV;
	for (i = 0; i < ARRAY_SIZE(console_pin_functions); i++)
		if (fdt_node_check_compatible(fdt, uart, console_pin_functions[i].compatible) == 0)
			break;
	if (i == ARRAY_SIZE(console_pin_functions))
		return -ENODEV;
	base = of_iomap(fdt, node, 0);
	if (!base)
		return -ENODEV;
	gpio_set_function(base, HEADER_TXD_PIN, console_pin_functions[i].fsel);
	gpio_set_function(base, HEADER_RXD_PIN, console_pin_functions[i].fsel);
	printk("gpio: console %s on GPIO14/15 (function %u)\n",
	       console_pin_functions[i].compatible, console_pin_functions[i].fsel);
	return 0;
}
