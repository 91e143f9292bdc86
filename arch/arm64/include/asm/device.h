/*
 * Device-tree driven device setup. Every driver the arm64 kernel can bind
 * is listed in one of the tables of arch/arm64/kernel/devices.c, keyed by
 * its "compatible" string, so adding a board's interrupt controller, timer
 * or UART means writing the driver and adding a line there.
 */
#ifndef ASM_DEVICE_H
#define ASM_DEVICE_H

#include <kernel/types.h>

/* A driver that binds to a device-tree node; probe returns 0 or -errno. */
struct of_device_id {
	const char *compatible;
	int (*probe)(const void *fdt, int node);
};

/* A serial console driver (see console.c). */
struct uart_driver {
	const char *compatible;
	/* Write one byte, waiting for room in the transmitter. */
	void (*putc)(void *base, char c);
	/* Unmask the receive interrupt. */
	void (*start_rx)(void *base);
	/* Receive interrupt: pass every received byte to console_rx_char(). */
	void (*rx_irq)(void *base);
};

/* The tables (NULL-terminated), in devices.c. */
extern const struct of_device_id irqchip_of_match[];
extern const struct of_device_id timer_of_match[];
extern const struct of_device_id chained_irqchip_of_match[];
extern const struct of_device_id pinctrl_of_match[];
extern const struct uart_driver *const uart_drivers[];

/*
 * The generic timer's "interrupts", in device-tree order; the kernel uses
 * the virtual timer (time.c).
 */
enum arch_timer_ppi_nr {
	ARCH_TIMER_PHYS_SECURE_PPI,
	ARCH_TIMER_PHYS_NONSECURE_PPI,
	ARCH_TIMER_VIRT_PPI,
	ARCH_TIMER_HYP_PPI,
};

/* The drivers. */
int gic_v2_probe(const void *fdt, int node);
int arch_timer_probe(const void *fdt, int node);
extern const struct uart_driver pl011_driver;
/* Raspberry Pi (drivers/bcm2835_*.c, bcm2836_*.c). */
int bcm2836_l1_intc_probe(const void *fdt, int node);
int bcm2835_armctrl_ic_probe(const void *fdt, int node);
int bcm2835_gpio_probe(const void *fdt, int node);
extern const struct uart_driver bcm2835_aux_uart_driver;

/*
 * CPU physical address and size of entry index of node's "reg", through
 * the "ranges" of every bus above it. false if absent or untranslatable.
 */
bool of_address(const void *fdt, int node, int index, phys_addr_t *pa, u64 *size);

/* ioremap() entry index of node's "reg"; NULL on failure. */
void *of_iomap(const void *fdt, int node, int index);

/* Probe the interrupt controller, the console's interrupt, the timer. */
void arm64_probe_devices(const void *fdt);

/* Console (console.c). */
void console_early_init(const void *fdt);
void console_late_init(const void *fdt);
void console_rx_char(char c);

#endif
