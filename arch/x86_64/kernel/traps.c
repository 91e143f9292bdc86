/*
 * CPU exceptions: the C side of entry.S. Every vector arrives in
 * do_interrupt(); exceptions are fatal for now (there is no user space and
 * no demand paging yet): each one, including every kernel page fault, ends
 * in die() with the register dump from arch_dump_regs().
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/trap.h>
#include <asm/irq.h>
#include <asm/special_insns.h>

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
 * Page-fault error code (Intel SDM vol. 3, 4.7):
 *
 *   4    3     2    1    0
 *  +----+----+----+----+---+
 *  |I/D |RSVD|U/S |W/R | P |
 *  +----+----+----+----+---+
 */
#define X86_PF_PROT BIT(0)	/* 0: page not present, 1: protection */
#define X86_PF_WRITE BIT(1)	/* the access was a write */
#define X86_PF_USER BIT(2)	/* the access came from CPL 3 */
#define X86_PF_RSVD BIT(3)	/* a reserved bit was set in an entry */
#define X86_PF_INSTR BIT(4)	/* the access was an instruction fetch */

static void __noreturn do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	unsigned long ec = regs->error_code;
	static char msg[96];

	snprintf(msg, sizeof(msg), "page fault: %s %s %s%s",
		 ec & X86_PF_USER ? "user" : "kernel",
		 ec & X86_PF_INSTR ? "instruction fetch from" :
		 ec & X86_PF_WRITE ? "write to" : "read from",
		 ec & X86_PF_PROT ? "protected page" : "not-present page",
		 ec & X86_PF_RSVD ? " (reserved bit set)" : "");
	die(msg, regs, addr);
}

static void __noreturn do_exception(struct pt_regs *regs)
{
	const char *name = exception_names[regs->vector];

	if (regs->vector == X86_TRAP_PF)
		do_page_fault(regs);
	die(name ? name : "reserved exception", regs, 0);
}

/* Called by entry.S with interrupts off, for every vector. */
void do_interrupt(struct pt_regs *regs);
void do_interrupt(struct pt_regs *regs)
{
	if (regs->vector < NR_EXCEPTION_VECTORS)
		do_exception(regs);
	do_irq(regs);
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
