/*
 * arm64 instruction and data aborts: user page faults from EL0, faults of
 * the user-access routines in the kernel (demand paging, then the
 * exception-table fixup), and the fatal report for every other kernel
 * fault. The fault status code (ESR ISS.FSC) says what went wrong:
 *
 *   translation fault   no valid entry          -> not present
 *   access flag fault   valid entry with AF = 0 -> present
 *   permission fault    the entry forbids it    -> present
 *   anything else (alignment, external abort, address size) is not a
 *   paging matter and is never passed to handle_user_fault().
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/trap.h>
#include <asm/esr.h>
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>
#include <mm/mmap.h>

/* "translation fault" and the like, with the table level (-1: none). */
static const char *fsc_name(unsigned int fsc, int *level)
{
	*level = ESR_ELx_FSC_LEVEL(fsc);
	switch (ESR_ELx_FSC_TYPE(fsc)) {
	case ESR_ELx_FSC_ADDRSZ:
		return "address size fault";
	case ESR_ELx_FSC_FAULT:
		return "translation fault";
	case ESR_ELx_FSC_ACCESS:
		return "access flag fault";
	case ESR_ELx_FSC_PERM:
		return "permission fault";
	}
	*level = -1;
	switch (fsc) {
	case ESR_ELx_FSC_EXTABT:
		return "synchronous external abort";
	case ESR_ELx_FSC_ALIGN:
		return "alignment fault";
	case ESR_ELx_FSC_TLB_CONFLICT:
		return "TLB conflict abort";
	}
	return "unknown fault status";
}

static bool is_paging_fault(unsigned int fsc)
{
	switch (ESR_ELx_FSC_TYPE(fsc)) {
	case ESR_ELx_FSC_FAULT:
	case ESR_ELx_FSC_ACCESS:
	case ESR_ELx_FSC_PERM:
		return true;
	}
	return false;
}

static const char *access_name(u64 esr)
{
	if (ESR_ELx_EC(esr) == ESR_ELx_EC_IABT_LOW || ESR_ELx_EC(esr) == ESR_ELx_EC_IABT_CUR)
		return "instruction fetch";
	if (esr & ESR_ELx_CM)
		return "cache maintenance";
	return (esr & ESR_ELx_WNR) ? "write" : "read";
}

/* FAULT_FLAG_* for a paging fault with syndrome esr (without _USER). */
static unsigned int fault_flags(u64 esr)
{
	unsigned int flags = 0;

	if (ESR_ELx_EC(esr) == ESR_ELx_EC_IABT_LOW)
		flags |= FAULT_FLAG_EXEC;
	else if ((esr & ESR_ELx_WNR) && !(esr & ESR_ELx_CM))
		flags |= FAULT_FLAG_WRITE;
	if (ESR_ELx_FSC_TYPE(ESR_ELx_FSC(esr)) != ESR_ELx_FSC_FAULT)
		flags |= FAULT_FLAG_PRESENT;
	return flags;
}

/* "level 3 translation fault, write" into buf. */
static void describe_abort(char *buf, size_t size, u64 esr)
{
	unsigned int fsc = ESR_ELx_FSC(esr);
	const char *what;
	int level;

	what = fsc_name(fsc, &level);
	if (level >= 0)
		snprintf(buf, size, "level %d %s, %s", level, what, access_name(esr));
	else
		snprintf(buf, size, "%s (FSC 0x%02x), %s", what, fsc, access_name(esr));
}

/*
 * An abort from EL0 (traps.c), IRQs on. A paging fault on a user address
 * goes to handle_user_fault(); if that cannot resolve it (or the fault is
 * of another kind) the task gets SIGSEGV (SIGBUS for alignment and
 * external aborts, SIGKILL when out of memory) with a one-line report.
 */
void do_el0_abort(struct pt_regs *regs)
{
	u64 esr = regs->esr;
	unsigned int fsc = ESR_ELx_FSC(esr);
	unsigned long addr = (esr & ESR_ELx_FnV) ? 0 : (unsigned long)regs->far;
	char reason[80];
	int sig = SIGSEGV;
	int err;

	if (is_paging_fault(fsc) && !(esr & ESR_ELx_FnV) && addr < USER_VA_END) {
		err = handle_user_fault(addr, fault_flags(esr) | FAULT_FLAG_USER);
		if (!err)
			return;
		if (err == -ENOMEM)
			sig = SIGKILL;
	} else if (fsc == ESR_ELx_FSC_ALIGN || fsc == ESR_ELx_FSC_EXTABT) {
		sig = SIGBUS;
	}
	if (sig == SIGKILL)
		snprintf(reason, sizeof(reason), "out of memory");
	else
		describe_abort(reason, sizeof(reason), esr);
	force_sig_fault(sig, addr, regs, reason);
}

/* May a uaccess fault in the interrupted context sleep in handle_user_fault()? */
static bool uaccess_may_fault_in(const struct pt_regs *regs)
{
	struct cpu *c = this_cpu();

	return !(regs->pstate & PSR_I_BIT) && c && c->curr && c->curr->mm;
}

/* An instruction or data abort taken in the kernel without a fixup. */
static void __noreturn kernel_abort(struct pt_regs *regs)
{
	static char msg[128];	/* only one CPU gets to die */
	u64 esr = regs->esr;
	unsigned int fsc = ESR_ELx_FSC(esr);
	const char *what;
	int level;

	what = fsc_name(fsc, &level);
	if (level >= 0)
		snprintf(msg, sizeof(msg),
			 "Unable to handle kernel paging request: level %d %s, %s", level,
			 what, access_name(esr));
	else
		snprintf(msg, sizeof(msg), "Unable to handle kernel access: %s (FSC 0x%02x), %s",
			 what, fsc, access_name(esr));
	die(msg, regs, (esr & ESR_ELx_FnV) ? 0 : (unsigned long)regs->far);
}

/*
 * An abort taken in the kernel (traps.c), IRQs masked. A user access with
 * an exception-table entry first gets demand paging (if the faulting
 * context could sleep and the address is a user one) and is retried;
 * otherwise it continues at its fixup. Any other fault dies. Returns with
 * IRQs masked, to resume at regs->pc.
 */
void do_el1_abort(struct pt_regs *regs)
{
	u64 esr = regs->esr;
	unsigned long fixup = search_exception_tables(regs->pc);
	unsigned long addr = (unsigned long)regs->far;
	int err;

	if (!fixup || ESR_ELx_EC(esr) != ESR_ELx_EC_DABT_CUR)
		kernel_abort(regs);
	if (is_paging_fault(ESR_ELx_FSC(esr)) && !(esr & ESR_ELx_FnV) &&
	    addr < USER_VA_END && uaccess_may_fault_in(regs)) {
		arch_irq_enable();
		err = handle_user_fault(addr, fault_flags(esr));
		arch_irq_disable();
		if (!err)
			return;
	}
	regs->pc = fixup;
}
