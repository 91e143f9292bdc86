/*
 * Interrupt dispatch (irq.c): a handler per vector for vectors 0x20-0xff.
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <asm/irq_vectors.h>
#include <asm/ptrace.h>

typedef void (*irq_handler_t)(struct pt_regs *regs);

/* Install handler for vector (>= NR_EXCEPTION_VECTORS); replaces any old one. */
void set_irq_handler(unsigned int vector, irq_handler_t handler);

/* Called by do_interrupt() for vectors >= 32; acknowledges the local APIC. */
void do_irq(struct pt_regs *regs);

#endif
