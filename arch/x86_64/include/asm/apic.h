/*
 * Local APIC (apic.c, including its timer) and I/O APIC (io_apic.c).
 * Both are reached through ioremap(), so they start in arch_late_init().
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <kernel/types.h>

/* Map and enable the boot CPU's local APIC. */
void lapic_init(void);
/* Globally and software-enable this CPU's local APIC (the mapping is
 * shared: a secondary CPU needs only this). */
void lapic_enable(void);
/* This CPU's local APIC ID. */
u32 lapic_id(void);
/* Signal end of interrupt for the vector being serviced. */
void apic_eoi(void);
/*
 * Interrupt command register: send the command `low` (vector, delivery
 * mode, level, trigger: Intel SDM vol. 3, 11.6.1) to the local APIC with
 * id apic_id. Interrupt-safe. Returns false if the APIC did not accept it
 * (delivery status still pending after a long wait).
 */
bool apic_icr_write(u32 low, u32 apic_id);
#define APIC_DM_FIXED 0x000		/* deliver the vector */
#define APIC_DM_INIT 0x500		/* INIT: reset to wait-for-SIPI */
#define APIC_DM_STARTUP 0x600		/* STARTUP: run at vector << 12 */
#define APIC_INT_ASSERT 0x4000		/* level: assert (INIT assert/deassert) */
#define APIC_INT_LEVELTRIG 0x8000	/* trigger mode: level */

/*
 * Calibrate the APIC timer (and the TSC) against the PIT, then start it
 * periodic at HZ, calling timer_tick() on every interrupt (boot CPU).
 */
void apic_timer_init(void);
/* Start this CPU's timer with the boot CPU's calibration. */
void apic_timer_start(void);
/* Timer interrupts CPU cpu has taken so far. */
unsigned long apic_timer_interrupts(int cpu);

/* Map the I/O APIC and mask every pin. */
void io_apic_init(void);
/* Route ISA irq to vector on the boot CPU and unmask it; the pin, polarity
 * and trigger follow the firmware's interrupt source overrides. */
void io_apic_route_isa_irq(unsigned int irq, u8 vector);

#endif
