/*
 * ARM PL011 UART ("arm,pl011"): QEMU virt's console and the Raspberry Pi's
 * UART0. Output is polled; input arrives by the receive interrupt. The
 * boot firmware (or QEMU) has already set the baud rate and enabled the
 * UART, so we leave the line settings alone.
 */
#include <kernel/compiler.h>
#include <kernel/arch.h>
#include <kernel/vfs.h>
#include <asm/device.h>
#include <asm/io.h>

#define UART_DR 0x00		/* data: read receives, write transmits */
#define UART_DR_DATA 0xff
#define UART_FR 0x18		/* flags */
#define UART_FR_RXFE BIT(4)	/* receive FIFO empty */
#define UART_FR_TXFF BIT(5)	/* transmit FIFO full */
#define UART_IMSC 0x38		/* interrupt mask set/clear: 1 = enabled */
#define UART_ICR 0x44		/* interrupt clear */
#define UART_INT_RX BIT(4)	/* receive (FIFO reached its trigger level) */
#define UART_INT_RT BIT(6)	/* receive timeout (bytes waiting, line idle) */

static void pl011_putc(void *base, char c)
{
	while (readl(base + UART_FR) & UART_FR_TXFF)
		arch_cpu_relax();
	writel((u8)c, base + UART_DR);
}

/* Bytes that arrived earlier keep their interrupt pending: not cleared here. */
static void pl011_start_rx(void *base)
{
	writel(readl(base + UART_IMSC) | UART_INT_RX | UART_INT_RT, base + UART_IMSC);
}

/*
 * Clear the interrupt first, then drain: a byte that arrives after the last
 * read raises it again. (Draining first would let a byte that lands between
 * the last read and the clear lose its interrupt; once the FIFO then fills,
 * no byte ever interrupts again.)
 */
static void pl011_rx_irq(void *base)
{
	writel(UART_INT_RX | UART_INT_RT, base + UART_ICR);
	while (!(readl(base + UART_FR) & UART_FR_RXFE))
		console_rx_char((char)(readl(base + UART_DR) & UART_DR_DATA));
	console_rx_notify();
}

const struct uart_driver pl011_driver = {
	.compatible = "arm,pl011",
	.putc = pl011_putc,
	.start_rx = pl011_start_rx,
	.rx_irq = pl011_rx_irq,
};
