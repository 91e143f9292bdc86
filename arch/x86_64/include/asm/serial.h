/*
 * The 16550 UART on COM1 (serial.c): the kernel console.
 */
#ifndef ASM_SERIAL_H
#define ASM_SERIAL_H

/* Program 115200 8N1 with FIFOs; output works from here on (polled). */
void serial_init(void);
/* Take received bytes by interrupt (ISA IRQ 4 via the I/O APIC). */
void serial_enable_irq(void);

#endif
