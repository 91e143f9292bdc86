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
/* True if interrupts are disabled on this CPU (lock debugging asks). */
bool arch_irqs_disabled(void);
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
/* The interrupted pc and frame pointer (rbp / x29), for the call trace. */
unsigned long arch_regs_pc(const struct pt_regs *regs);
unsigned long arch_regs_frame_pointer(const struct pt_regs *regs);

/*
 * ---- Tasks and user mode ----
 * <asm/thread.h> defines struct thread_struct (saved kernel context, FP/SIMD
 * state, TLS register) and THREAD_SIZE (kernel stack size, a power of two
 * pages). <asm/syscall.h> defines, as static inlines:
 *   syscall_get_nr(regs), syscall_get_arg(regs, i) (i = 0..5),
 *   syscall_set_return(regs, long), user_mode(regs),
 *   instruction_pointer(regs), user_stack_pointer(regs).
 * <asm/percpu.h> defines static inline struct cpu *this_cpu(void).
 * <asm/unistd.h> defines the Linux __NR_* numbers of the arch.
 *
 * Every return to user mode (syscall, interrupt, exception) calls
 * exit_to_user_mode(regs) first. The arch page-fault handler calls
 * handle_user_fault() for user-half addresses (from user mode, or from a
 * uaccess in the kernel) and, if that fails, force_sig_fault() (user mode)
 * or its exception-table fixup (kernel mode) or die().
 */
struct task_struct;
struct cpu;

/* The user register frame at the top of t's kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *t);
/* Point this CPU's this_cpu() at c (once per CPU at boot). */
void arch_cpu_set_percpu(struct cpu *c);
/*
 * Make t's first switch-in run schedule_tail(prev), then fn(arg), then
 * do_exit(return value).
 */
void arch_setup_kthread(struct task_struct *t, int (*fn)(void *), void *arg);
/*
 * fork/clone: child's user frame = copy of current's with the syscall
 * return value 0 (and user sp = usp, TLS = tls when set_tls); FP state
 * copied. Its first switch-in runs schedule_tail(prev) and returns to user.
 */
void arch_setup_fork(struct task_struct *child, unsigned long usp, bool set_tls,
		     unsigned long tls);
/* exec: fresh user registers (all zero) starting at pc with stack sp; FP
 * state reset; TLS cleared. */
void arch_start_user(struct pt_regs *regs, unsigned long pc, unsigned long sp);
/* Leave the kernel for user mode with regs == task_pt_regs(current)
 * (used once, by the first process). Interrupts may be on or off. */
void __noreturn arch_return_to_user(struct pt_regs *regs);
/*
 * Switch from prev to next: save prev's callee-saved registers, stack
 * pointer, FP/SIMD state and TLS; load next's. Returns in next's context;
 * the value returned (to whoever resumes) is the task switched away from.
 * Called with interrupts off.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next);

#endif
