/*
 * Starting the secondary CPUs (smpboot.c, trampoline.S).
 *
 * A CPU woken by INIT-SIPI-SIPI starts in real mode at vector << 12, so
 * the trampoline is copied to a fixed page below 1 MiB: TRAMPOLINE_PA.
 * The low 1 MiB is never given to the allocator (setup.c), and 0x8000 is
 * free on a PC once the boot loader's data has been read (GRUB's own code
 * there is dead by then; nothing the kernel keeps lives below 1 MiB).
 *
 *   real mode (CS = 0x0800)  ->  protected mode (trampoline GDT)
 *   -> long mode on head.S's early_pml4 (which identity-maps the first
 *      GiB, the trampoline included, and maps the kernel image)
 *   -> secondary_startup_64 in the kernel image: CR3 = init_mm's tables,
 *      rsp = the idle task's stack, call start_secondary(cpu)
 */
#ifndef ASM_SMP_H
#define ASM_SMP_H

#define TRAMPOLINE_PA 0x8000

#ifndef __ASSEMBLY__
#include <kernel/compiler.h>

/* The blob copied to TRAMPOLINE_PA (trampoline.S). */
extern const char trampoline_start[], trampoline_end[];

/* Read by secondary_startup_64; written by arch_boot_secondary() for
 * one CPU at a time. */
extern unsigned long smpboot_cr3, smpboot_stack;
extern int smpboot_cpu;

/* Install the IPI handlers (ipi.c); boot CPU, before any IPI is sent. */
void ipi_init(void);

/* C entry of a secondary CPU, on its idle task's stack (smpboot.c). */
void __noreturn start_secondary(int cpu);
#endif

#endif
