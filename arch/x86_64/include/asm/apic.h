/*
 * Local APIC (apic.c, including its timer) and I/O APIC (io_apic.c).
 * Both are reached through ioremap(), so they start in arch_late_init().
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <kernel/types.h>

/* Map and software-enable this CPU's local APIC. */
void lapic_init(void);
/* This CPU's local APIC ID. */
u32 lapic_id(void);
/* Signal end of interrupt for the vector being serviced. */
void apic_eoi(void);
/*
 * Calibrate the APIC timer (and the TSC) against the PIT, then start it
 * periodic at HZ, calling timer_tick() on every interrupt.
 */
void apic_timer_init(void);

/* Map the I/O APIC and mask every pin. */
void io_apic_init(void);
/* Route ISA irq (edge, active high) to vector on the boot CPU and unmask it. */
void io_apic_route_isa_irq(unsigned int irq, u8 vector);

#endif
