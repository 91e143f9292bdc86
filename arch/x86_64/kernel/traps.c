/*
 * CPU exceptions: the C side of entry.S. Every vector arrives in
 * do_interrupt(). An exception in user mode becomes a signal to the
 * process; in kernel mode it is fatal (die() with the register dump from
 * arch_dump_regs()) unless the exception table has a fixup for it.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/signal.h>
#include <kernel/trap.h>
#include <asm/extable.h>
#include <asm/irq.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <asm/special_insns.h>
#include <asm/syscall.h>

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	[0] = "divide error",
	[1] = "debug",
	[2] = "non-maskable interrupt",
	[3] = "breakpoint",
	[4] = "overflow",
	[5] = "bound range exceeded",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[9] = "coprocessor segment overrun",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack-segment fault",
	[13] = "general protection fault",
	[14] = "page fault",
	[16] = "x87 floating-point error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD floating-point exception",
	[20] = "virtualization exception",
	[21] = "control protection exception",
};

/*
 * The signal a user-mode exception sends (as Linux), 0 for those that can
 * only be a kernel or machine problem. Page faults go to do_page_fault().
 */
static const int user_exception_signal[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = SIGFPE,
	[X86_TRAP_DB] = SIGTRAP,
	[X86_TRAP_BP] = SIGTRAP,
	[X86_TRAP_OF] = SIGSEGV,
	[X86_TRAP_BR] = SIGSEGV,
	[X86_TRAP_UD] = SIGILL,
	[X86_TRAP_TS] = SIGSEGV,
	[X86_TRAP_NP] = SIGBUS,
	[X86_TRAP_SS] = SIGSEGV,
	[X86_TRAP_GP] = SIGSEGV,
	[X86_TRAP_MF] = SIGFPE,
	[X86_TRAP_AC] = SIGBUS,
	[X86_TRAP_XM] = SIGFPE,
	[X86_TRAP_CP] = SIGSEGV,
};

/*
 * A user-mode exception kills the process with its signal (on its way back
 * to user mode); the reported address is the instruction for SIGFPE,
 * SIGILL and SIGTRAP, 0 otherwise, as Linux reports si_addr. In kernel
 * mode only a user copy may fault (on a bad address: its fixup runs);
 * anything else dies.
 */
static void do_exception(struct pt_regs *regs)
{
	const char *name = exception_names[regs->vector];
	int sig = user_exception_signal[regs->vector];

	if (regs->vector == X86_TRAP_PF) {
		do_page_fault(regs);
		return;
	}
	if (user_mode(regs) && sig) {
		arch_irq_enable();
		force_sig_fault(sig, sig == SIGSEGV || sig == SIGBUS ? 0 : regs->rip, regs,
				name);
		return;
	}
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	die(name ? name : "reserved exception", regs, 0);
}

/*
 * Called by entry.S with interrupts off, for every vector. An interrupt
 * gate keeps the interrupted RFLAGS.AC, which would switch SMAP off: clear
 * it first (iretq restores it).
 */
void do_interrupt(struct pt_regs *regs);
void do_interrupt(struct pt_regs *regs)
{
	clac();
	if (regs->vector < NR_EXCEPTION_VECTORS)
		do_exception(regs);
	else
		do_irq(regs);
}

unsigned long arch_regs_pc(const struct pt_regs *regs)
{
	return regs->rip;
}

unsigned long arch_regs_frame_pointer(const struct pt_regs *regs)
{
	return regs->rbp;
}

/*
 * Print regs and the control registers as a table. Safe in any context
 * that can printk: it only reads.
 */
void arch_dump_regs(const struct pt_regs *regs)
{
	printk("RIP: %04lx:%016lx RFLAGS: %016lx\n", regs->cs, regs->rip, regs->rflags);
	printk("RSP: %04lx:%016lx vector: %lu error: %#lx\n", regs->ss, regs->rsp,
	       regs->vector, regs->error_code);
	printk("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	printk("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	printk("RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp, regs->r8, regs->r9);
	printk("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk("CR0: %016lx CR2: %016lx CR3: %016lx\n", read_cr0(), read_cr2(), read_cr3());
	printk("CR4: %016lx\n", read_cr4());
}
