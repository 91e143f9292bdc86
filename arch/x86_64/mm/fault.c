/*
 * The page-fault exception (#PF, vector 14). CR2 holds the address, the
 * error code says what kind of access it was:
 *
 *   4    3     2    1    0
 *  +----+----+----+----+---+
 *  |I/D |RSVD|U/S |W/R | P |
 *  +----+----+----+----+---+
 *
 * A user-half address, touched from user mode or by a user copy in the
 * kernel, goes to handle_user_fault() (demand paging, mm/memory.c). If that
 * fails: user mode gets a signal (the process dies on its way out), a user
 * copy jumps to its exception-table fixup (-EFAULT for the system call).
 * Anything else in kernel mode is a kernel bug: die().
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/trap.h>
#include <mm/mmap.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <asm/syscall.h>

#define X86_PF_PROT BIT(0)	/* 0: page not present, 1: protection */
#define X86_PF_WRITE BIT(1)	/* the access was a write */
#define X86_PF_USER BIT(2)	/* the access came from CPL 3 */
#define X86_PF_RSVD BIT(3)	/* a reserved bit was set in an entry */
#define X86_PF_INSTR BIT(4)	/* the access was an instruction fetch */

/* "write to protected page", "read from not-present page", ... */
static void describe_fault(char *buf, size_t size, unsigned long ec, unsigned long addr)
{
	snprintf(buf, size, "%s %s%s%s",
		 ec & X86_PF_INSTR ? "instruction fetch from" :
		 ec & X86_PF_WRITE ? "write to" : "read from",
		 addr >= USER_VA_END && (ec & X86_PF_USER) ? "kernel address" :
		 ec & X86_PF_PROT ? "protected page" : "not-present page",
		 ec & X86_PF_RSVD ? " (reserved bit set)" : "",
		 !(ec & X86_PF_USER) && addr < USER_VA_END && (ec & X86_PF_PROT) ?
			 (ec & X86_PF_INSTR ? " (SMEP: kernel executing user page)" :
					      " (SMAP: kernel touching user page)") : "");
}

static unsigned int fault_flags(unsigned long ec)
{
	unsigned int flags = 0;

	if (ec & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (ec & X86_PF_INSTR)
		flags |= FAULT_FLAG_EXEC;
	if (ec & X86_PF_USER)
		flags |= FAULT_FLAG_USER;
	if (ec & X86_PF_PROT)
		flags |= FAULT_FLAG_PRESENT;
	return flags;
}

/* From user mode: fix the fault or kill the process (on its way out). */
static void do_user_page_fault(struct pt_regs *regs, unsigned long addr, unsigned long ec)
{
	int err = -EFAULT;
	char reason[96];

	arch_irq_enable();
	if (addr < USER_VA_END && !(ec & X86_PF_RSVD))
		err = handle_user_fault(addr, fault_flags(ec));
	if (!err)
		return;
	if (err == -ENOMEM) {
		force_sig_fault(SIGKILL, addr, regs, "out of memory");
		return;
	}
	describe_fault(reason, sizeof(reason), ec, addr);
	force_sig_fault(SIGSEGV, addr, regs, reason);
}

/*
 * From a user copy (regs->rip has a fixup). It may sleep in
 * handle_user_fault() only if the copy ran with interrupts on (so in a
 * system call, not under a spinlock); otherwise the copy just fails.
 */
static void do_uaccess_page_fault(struct pt_regs *regs, unsigned long addr, unsigned long ec)
{
	int err = -EFAULT;

	if ((regs->rflags & X86_EFLAGS_IF) && !(ec & X86_PF_RSVD) && current && current->mm) {
		arch_irq_enable();
		err = handle_user_fault(addr, fault_flags(ec));
		arch_irq_disable();
	}
	if (err)
		fixup_exception(regs);
}

/* Interrupts are off (interrupt gate) on entry. */
void do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();	/* before anything can fault again */
	unsigned long ec = regs->error_code;
	char msg[128];

	if (user_mode(regs)) {
		do_user_page_fault(regs, addr, ec);
		return;
	}
	if (addr < USER_VA_END && search_exception_tables(regs->rip)) {
		do_uaccess_page_fault(regs, addr, ec);
		return;
	}
	snprintf(msg, sizeof(msg), "page fault: kernel ");
	describe_fault(msg + strlen(msg), sizeof(msg) - strlen(msg), ec, addr);
	die(msg, regs, addr);
}
