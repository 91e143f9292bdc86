/*
 * BCM2835 auxiliary "mini UART" ("brcm,bcm2835-aux-uart"): the console
 * the Raspberry Pi 3 and 4 device trees name in stdout-path (serial1), on
 * header pins 8/10 (GPIO14/15, ALT5; bcm2835_gpio.c routes them). The
 * firmware (enable_uart=1 in config.txt) has enabled it in the AUX block
 * and set its baud rate from the core clock, so only data and the receive
 * interrupt are ours. Registers are 8250-like, one per 32-bit word.
 */
#include <kernel/compiler.h>
#include <kernel/arch.h>
#include <kernel/vfs.h>
#include <asm/device.h>
#include <asm/io.h>

#define MU_IO 0x00		/* data: read receives, write transmits */
#define MU_IO_DATA 0xff
#define MU_IER 0x04		/* interrupt enable */
#define MU_IER_RXIE BIT(0)	/* receive FIFO holds a byte */
#define MU_LSR 0x14		/* line status */
#define MU_LSR_DR BIT(0)	/* data ready: the receive FIFO is not empty */
#define MU_LSR_THRE BIT(5)	/* the transmit FIFO can take a byte */

static void mini_uart_putc(void *base, char c)
{
	while (!(readl(base + MU_LSR) & MU_LSR_THRE))
		arch_cpu_relax();
	writel((u8)c, base + MU_IO);
}

static void mini_uart_start_rx(void *base)
{
	writel(readl(base + MU_IER) | MU_IER_RXIE, base + MU_IER);
}

/* The interrupt is level: it drops once the FIFO is empty. */
static void mini_uart_rx_irq(void *base)
{
	while (readl(base + MU_LSR) & MU_LSR_DR)
		console_rx_char((char)(readl(base + MU_IO) & MU_IO_DATA));
	console_rx_notify();
}

const struct uart_driver bcm2835_aux_uart_driver = {
	.compatible = "brcm,bcm2835-aux-uart",
	.putc = mini_uart_putc,
	.start_rx = mini_uart_start_rx,
	.rx_irq = mini_uart_rx_irq,
};
