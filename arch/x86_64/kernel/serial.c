/*
 * The kernel console on the 16550 UART at COM1: polled output, and input
 * that an interrupt handler moves into a ring buffer for
 * arch_console_getc(). Before serial_enable_irq() (and whenever the buffer
 * is empty) getc polls the receiver directly, so both paths work.
 */
#include <kernel/arch.h>
#include <kernel/spinlock.h>
#include <kernel/vfs.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>

#define COM1_BASE 0x3f8
#define COM1_IRQ 4
#define UART_CLOCK_DIV_115200 1	/* 1.8432 MHz / 16 / 115200 */

/* Register offsets from COM1_BASE (DLL/DLM while LCR.DLAB is set). */
#define UART_RBR 0	/* receive buffer (read) */
#define UART_THR 0	/* transmit holding (write) */
#define UART_DLL 0	/* divisor latch, low byte */
#define UART_IER 1	/* interrupt enable */
#define UART_DLM 1	/* divisor latch, high byte */
#define UART_FCR 2	/* FIFO control (write) */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */

#define UART_IER_RDI 0x01	/* interrupt when received data is available */
#define UART_FCR_ENABLE 0x01	/* enable both FIFOs */
#define UART_FCR_CLEAR_RX 0x02
#define UART_FCR_CLEAR_TX 0x04	/* trigger level bits 7:6 = 0: one byte */
#define UART_LCR_8N1 0x03	/* 8 data bits, no parity, 1 stop bit */
#define UART_LCR_DLAB 0x80	/* divisor latch access */
#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT2 0x08	/* gates the UART's IRQ line on PCs */
#define UART_LSR_DR 0x01	/* a received byte is waiting */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */

#define RX_BUF_SIZE 256		/* power of two */

static struct {
	spinlock_t lock;
	unsigned int head, tail;	/* free-running; head - tail bytes queued */
	u8 buf[RX_BUF_SIZE];
} rx = { .lock = SPINLOCK_INIT("serial_rx") };

static void serial_out(unsigned int reg, u8 v)
{
	outb(COM1_BASE + reg, v);
}

static u8 serial_in(unsigned int reg)
{
	return inb(COM1_BASE + reg);
}

void serial_init(void)
{
	serial_out(UART_IER, 0);
	serial_out(UART_LCR, UART_LCR_DLAB);
	serial_out(UART_DLL, UART_CLOCK_DIV_115200 & 0xff);
	serial_out(UART_DLM, UART_CLOCK_DIV_115200 >> 8);
	serial_out(UART_LCR, UART_LCR_8N1);
	serial_out(UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RX | UART_FCR_CLEAR_TX);
	serial_out(UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
}

static void serial_putc_raw(char c)
{
	while (!(serial_in(UART_LSR) & UART_LSR_THRE))
		arch_cpu_relax();
	serial_out(UART_THR, c);
}

/* Polled; callers (printk) serialise whole lines. "\n" goes out as "\r\n". */
void arch_console_putc(char c)
{
	if (c == '\n')
		serial_putc_raw('\r');
	serial_putc_raw(c);
}

/* Move every waiting byte into the ring; drops bytes when it is full. */
static void serial_drain_rx_locked(void)
{
	while (serial_in(UART_LSR) & UART_LSR_DR) {
		u8 c = serial_in(UART_RBR);

		if (rx.head - rx.tail < RX_BUF_SIZE)
			rx.buf[rx.head++ % RX_BUF_SIZE] = c;
	}
}

static void serial_interrupt(struct pt_regs *regs)
{
	(void)regs;
	spin_lock(&rx.lock);
	serial_drain_rx_locked();
	spin_unlock(&rx.lock);
	console_rx_notify();
}

/* Next received byte, or -1 if none. Never blocks; any context. */
int arch_console_getc(void)
{
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&rx.lock, flags);
	serial_drain_rx_locked();
	if (rx.head != rx.tail)
		c = rx.buf[rx.tail++ % RX_BUF_SIZE];
	spin_unlock_irqrestore(&rx.lock, flags);
	return c;
}

void serial_enable_irq(void)
{
	set_irq_handler(ISA_IRQ_VECTOR(COM1_IRQ), serial_interrupt);
	io_apic_route_isa_irq(COM1_IRQ, ISA_IRQ_VECTOR(COM1_IRQ));
	serial_out(UART_IER, UART_IER_RDI);
}
