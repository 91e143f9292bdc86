/*
 * Interrupt vector assignment (usable from assembly).
 *
 *   0x00-0x1f  CPU exceptions
 *   0x20-0x2f  legacy 8259 PIC, remapped here and masked: only its
 *              spurious IRQ 7/15 can arrive, and they are ignored
 *   0x30-0x3f  ISA IRQs 0-15 routed through the I/O APIC
 *   0xec       local APIC timer
 *   0xfc       IPI: run queued cross-CPU function calls
 *   0xfd       IPI: reschedule
 *   0xff       local APIC spurious interrupt
 */
#ifndef ASM_IRQ_VECTORS_H
#define ASM_IRQ_VECTORS_H

#define NR_EXCEPTION_VECTORS 32
#define NR_VECTORS 256
#define PIC_VECTOR_BASE 0x20
#define ISA_IRQ_VECTOR(irq) (0x30 + (irq))
#define LOCAL_TIMER_VECTOR 0xec
#define CALL_FUNCTION_VECTOR 0xfc
#define RESCHEDULE_VECTOR 0xfd
#define SPURIOUS_APIC_VECTOR 0xff

/* CPU exceptions (Intel SDM vol. 3, table 6-1). */
#define X86_TRAP_DE 0	/* divide error */
#define X86_TRAP_DB 1	/* debug */
#define X86_TRAP_NMI 2	/* non-maskable interrupt */
#define X86_TRAP_BP 3	/* breakpoint (int3): user mode may raise it */
#define X86_TRAP_OF 4	/* overflow */
#define X86_TRAP_BR 5	/* bound range exceeded */
#define X86_TRAP_UD 6	/* invalid opcode */
#define X86_TRAP_NM 7	/* device not available (FP with CR0.TS) */
#define X86_TRAP_DF 8	/* double fault: runs on its own IST stack */
#define X86_TRAP_TS 10	/* invalid TSS */
#define X86_TRAP_NP 11	/* segment not present */
#define X86_TRAP_SS 12	/* stack-segment fault */
#define X86_TRAP_GP 13	/* general protection */
#define X86_TRAP_PF 14	/* page fault: CR2 holds the address */
#define X86_TRAP_MF 16	/* x87 floating-point error */
#define X86_TRAP_AC 17	/* alignment check */
#define X86_TRAP_MC 18	/* machine check */
#define X86_TRAP_XM 19	/* SIMD floating-point exception */
#define X86_TRAP_CP 21	/* control protection */

#endif
