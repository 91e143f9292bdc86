/*
 * What kernel/ and lib/ need from an architecture (everything but paging,
 * which is in <mm/arch.h>). Each arch/<name>/ implements every function here.
 *
 * Boot contract: the arch entry code sets up a stack, an early console and
 * early page tables that map the kernel image and (at least) the first
 * gigabyte of RAM holding the kernel through the direct map (__va()), fills a
 * struct boot_info and calls start_kernel().
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <kernel/boot.h>
#include <kernel/compiler.h>

/* Console: polled output, non-blocking input (-1 when nothing is waiting). */
void arch_console_putc(char c);
int arch_console_getc(void);

/*
 * Called once from start_kernel() after the memory manager is up: map
 * device registers with ioremap(), install trap/interrupt tables, start the
 * timer. Interrupts are still disabled when it returns.
 */
void arch_late_init(struct boot_info *bi);

/* Interrupt state. arch_irq_save() disables and returns the old state. */
unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long flags);
void arch_irq_enable(void);
void arch_irq_disable(void);
/* Wait for the next interrupt (hlt / wfi). */
void arch_wait_for_interrupt(void);
void arch_cpu_relax(void);

/* Monotonic time since boot in nanoseconds; timer interrupts per second. */
u64 arch_clock_ns(void);
#define HZ 100

/*
 * Power off. code 0 is a clean shutdown (QEMU exits 0); any other code is
 * reported to the host: x86 isa-debug-exit makes QEMU exit (code << 1) | 1,
 * arm64 semihosting (when the command line has "semihosting") exits code.
 */
void __noreturn arch_poweroff(int code);

#define EXIT_SUCCESS_CODE 0
#define EXIT_FAILURE_CODE 1	/* a self-test failed / init failed */
#define EXIT_PANIC 2		/* the kernel panicked */

/* Called by the timer interrupt handler of each arch, HZ times a second. */
void timer_tick(void);

/* Print the interrupted/faulting register state (used by panic paths). */
struct pt_regs;
void arch_dump_regs(const struct pt_regs *regs);

#endif
