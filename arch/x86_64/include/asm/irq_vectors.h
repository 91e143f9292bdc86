/*
 * Interrupt vector assignment (usable from assembly).
 *
 *   0x00-0x1f  CPU exceptions
 *   0x20-0x2f  legacy 8259 PIC, remapped here and masked: only its
 *              spurious IRQ 7/15 can arrive, and they are ignored
 *   0x30-0x3f  ISA IRQs 0-15 routed through the I/O APIC
 *   0xec       local APIC timer
 *   0xff       local APIC spurious interrupt
 */
#ifndef ASM_IRQ_VECTORS_H
#define ASM_IRQ_VECTORS_H

#define NR_EXCEPTION_VECTORS 32
#define NR_VECTORS 256
#define PIC_VECTOR_BASE 0x20
#define ISA_IRQ_VECTOR(irq) (0x30 + (irq))
#define LOCAL_TIMER_VECTOR 0xec
#define SPURIOUS_APIC_VECTOR 0xff

/* Exceptions this kernel names. */
#define X86_TRAP_DF 8	/* double fault: runs on its own IST stack */
#define X86_TRAP_PF 14	/* page fault: CR2 holds the address */

#endif
