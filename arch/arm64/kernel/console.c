/*
 * The arm64 console: the UART that /chosen stdout-path (or the alias
 * serial0) names, driven by the uart_driver whose compatible matches.
 *
 *   arm64_start_kernel -> console_early_init: registers at their physical
 *                         address (the TTBR0 identity map), output only
 *   arch_late_init     -> console_late_init:  ioremap()ped registers, and
 *                         the receive interrupt fills rx_buf, which
 *                         arch_console_getc() drains
 */
#include <kernel/arch.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <asm/device.h>
#include <asm/irq.h>

#define EARLY_IDMAP_END (4ULL << 30)	/* head.S identity-maps [0, 4 GiB) */
#define RX_BUF_SIZE 256			/* a power of two */

static const struct uart_driver *uart;
static void *uart_base;
static int uart_node = -1;

/* Received bytes: the IRQ handler produces, getc consumes. */
static DEFINE_SPINLOCK(rx_lock);
static char rx_buf[RX_BUF_SIZE];
static unsigned int rx_head, rx_tail;	/* free-running; head - tail = count */

void arch_console_putc(char c)
{
	if (!uart)
		return;
	if (c == '\n')
		uart->putc(uart_base, '\r');
	uart->putc(uart_base, c);
}

int arch_console_getc(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&rx_lock, flags);
	if (rx_head != rx_tail)
		c = (unsigned char)rx_buf[rx_tail++ % RX_BUF_SIZE];
	spin_unlock_irqrestore(&rx_lock, flags);
	return c;
}

/* Called from the UART's receive interrupt. Drops bytes when full. */
void console_rx_char(char c)
{
	spin_lock(&rx_lock);
	if (rx_head - rx_tail < RX_BUF_SIZE)
		rx_buf[rx_head++ % RX_BUF_SIZE] = c;
	spin_unlock(&rx_lock);
}

static void console_rx_irq(unsigned int irq, void *data)
{
	(void)irq;
	(void)data;
	uart->rx_irq(uart_base);
}

static const struct uart_driver *uart_match(const void *fdt, int node)
{
	int i;

	for (i = 0; uart_drivers[i]; i++)
		if (fdt_node_check_compatible(fdt, node, uart_drivers[i]->compatible) == 0)
			return uart_drivers[i];
	return NULL;
}

/*
 * Find the console UART and write to it through the early identity map.
 * Silently leaves the console off if there is none we can drive (nothing
 * could report it anyway).
 */
void console_early_init(const void *fdt)
{
	int node = fdt_chosen_stdout(fdt);
	const struct uart_driver *drv;
	phys_addr_t pa;

	if (node < 0)
		return;
	drv = uart_match(fdt, node);
	if (!drv || !of_address(fdt, node, 0, &pa, NULL) || pa >= EARLY_IDMAP_END)
		return;
	uart_base = (void *)(unsigned long)pa;
	uart_node = node;
	uart = drv;
}

/*
 * Move the console to an ioremap() mapping (the identity map is about to
 * go) and start receiving. Needs the interrupt controller probed.
 */
void console_late_init(const void *fdt)
{
	void *base;
	unsigned int irq;
	int err;

	if (!uart)
		return;
	base = of_iomap(fdt, uart_node, 0);
	if (!base)
		panic("console: cannot ioremap the UART\n");
	uart_base = base;
	err = irq_of_parse(fdt, uart_node, 0, &irq);
	if (!err)
		err = request_irq(irq, console_rx_irq, NULL);
	if (err) {
		printk("console: no receive interrupt (%d), input disabled\n", err);
		return;
	}
	uart->start_rx(uart_base);
}
