/*
 * Generic ends of the architectures' trap handlers.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <kernel/compiler.h>

struct pt_regs;

/*
 * A fatal kernel-mode exception: print "Oops: msg", the faulting address
 * and the register dump, then power off with EXIT_PANIC. Never returns.
 */
void __noreturn die(const char *msg, struct pt_regs *regs, unsigned long fault_addr);

#endif
