/*
 * The C ends of the exception vectors (entry.S) and the abort handlers
 * they use (mm/fault.c). Each takes the struct pt_regs the vector saved.
 */
#ifndef ASM_EXCEPTION_H
#define ASM_EXCEPTION_H

#include <kernel/compiler.h>

struct pt_regs;

/* traps.c: vector entries. */
void el1_sync_handler(struct pt_regs *regs);
void el0_sync_handler(struct pt_regs *regs);
void el0_irq_handler(struct pt_regs *regs);
void __noreturn bad_mode(struct pt_regs *regs, unsigned int reason);

/* mm/fault.c: aborts from EL0 (IRQs on) and from EL1 (IRQs masked). */
void do_el0_abort(struct pt_regs *regs);
void do_el1_abort(struct pt_regs *regs);

#endif
