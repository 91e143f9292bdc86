/*
 * arm64 synchronous exceptions and the register dump. From EL0: system
 * calls, page faults (mm/fault.c) and the faults that become signals. In
 * the kernel: a fault of a user access is fixed up (mm/fault.c); every
 * other synchronous exception is decoded into a readable message and
 * handed to die().
 */
#include <kernel/arch.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/trap.h>
#include <asm/esr.h>
#include <asm/exception.h>
#include <asm/irq.h>
#include <asm/ptrace.h>

BUILD_BUG_ON(offsetof(struct pt_regs, regs[30]) != S_LR);
BUILD_BUG_ON(offsetof(struct pt_regs, sp) != S_SP);
BUILD_BUG_ON(offsetof(struct pt_regs, pc) != S_PC);
BUILD_BUG_ON(offsetof(struct pt_regs, pstate) != S_PSTATE);
BUILD_BUG_ON(offsetof(struct pt_regs, esr) != S_ESR);
BUILD_BUG_ON(offsetof(struct pt_regs, far) != S_FAR);
BUILD_BUG_ON(sizeof(struct pt_regs) != PT_REGS_SIZE || PT_REGS_SIZE % 16);

/* die() messages are built here; only one CPU gets to die. */
static char die_msg[128];

static const char *const ec_names[64] = {
	[ESR_ELx_EC_UNKNOWN] = "undefined instruction",
	[ESR_ELx_EC_WFx] = "WFI/WFE",
	[ESR_ELx_EC_FP_ASIMD] = "FP/SIMD access",
	[ESR_ELx_EC_ILL] = "illegal execution state",
	[ESR_ELx_EC_SVC64] = "SVC",
	[ESR_ELx_EC_HVC64] = "HVC",
	[ESR_ELx_EC_SMC64] = "SMC",
	[ESR_ELx_EC_SYS64] = "trapped system register access",
	[ESR_ELx_EC_IABT_LOW] = "instruction abort from EL0",
	[ESR_ELx_EC_IABT_CUR] = "instruction abort",
	[ESR_ELx_EC_PC_ALIGN] = "PC alignment fault",
	[ESR_ELx_EC_DABT_LOW] = "data abort from EL0",
	[ESR_ELx_EC_DABT_CUR] = "data abort",
	[ESR_ELx_EC_SP_ALIGN] = "SP alignment fault",
	[ESR_ELx_EC_SERROR] = "SError",
	[ESR_ELx_EC_BREAKPT_CUR] = "hardware breakpoint",
	[ESR_ELx_EC_SOFTSTP_CUR] = "software step",
	[ESR_ELx_EC_WATCHPT_CUR] = "watchpoint",
	[ESR_ELx_EC_BRK64] = "BRK instruction",
};

static const char *ec_name(u64 esr)
{
	const char *name = ec_names[ESR_ELx_EC(esr)];

	return name ? name : "unknown exception class";
}

/*
 * Synchronous exception from EL1 (entry.S), IRQs masked. Returning
 * resumes at regs->pc: only a user access with an exception-table entry
 * gets there (mm/fault.c); everything else ends in die().
 */
void el1_sync_handler(struct pt_regs *regs)
{
	switch (ESR_ELx_EC(regs->esr)) {
	case ESR_ELx_EC_IABT_CUR:
	case ESR_ELx_EC_DABT_CUR:
		do_el1_abort(regs);
		return;
	}
	snprintf(die_msg, sizeof(die_msg), "%s in kernel (ESR 0x%08lx)",
		 ec_name(regs->esr), (unsigned long)regs->esr);
	die(die_msg, regs, (unsigned long)regs->far);
}

/*
 * Synchronous exception from EL0 (entry.S), IRQs masked on entry: a
 * system call, a page fault, or a fault that kills the task with a signal
 * (delivered by exit_to_user_mode()). Never fatal to the kernel.
 */
void el0_sync_handler(struct pt_regs *regs)
{
	u64 esr = regs->esr;

	arch_irq_enable();
	switch (ESR_ELx_EC(esr)) {
	case ESR_ELx_EC_SVC64:
		do_syscall(regs);	/* ends with exit_to_user_mode() */
		return;
	case ESR_ELx_EC_DABT_LOW:
	case ESR_ELx_EC_IABT_LOW:
		do_el0_abort(regs);
		break;
	case ESR_ELx_EC_PC_ALIGN:
		force_sig_fault(SIGBUS, regs->far, regs, ec_name(esr));
		break;
	case ESR_ELx_EC_SP_ALIGN:
		force_sig_fault(SIGBUS, regs->sp, regs, ec_name(esr));
		break;
	case ESR_ELx_EC_BRK64:
		force_sig_fault(SIGTRAP, regs->pc, regs, ec_name(esr));
		break;
	default:
		/* Undefined instruction, trapped system register, ... */
		force_sig_fault(SIGILL, regs->pc, regs, ec_name(esr));
		break;
	}
	exit_to_user_mode(regs);
}

/* IRQ taken from EL0 (entry.S): handle it, then the work before EL0. */
void el0_irq_handler(struct pt_regs *regs)
{
	handle_arch_irq(regs);
	exit_to_user_mode(regs);	/* enables IRQs; may schedule */
}

/* bad_mode() reason: bits 1:0 the kind, bits 3:2 the origin (entry.S). */
static const char *const bad_kind[] = { "synchronous exception", "IRQ", "FIQ", "SError" };
static const char *const bad_origin[] = { "EL1 on SP_EL0", "EL1", "EL0 (AArch64)",
					  "EL0 (AArch32)" };

/* An exception entry.S has no handler for. Does not return. */
void __noreturn bad_mode(struct pt_regs *regs, unsigned int reason)
{
	snprintf(die_msg, sizeof(die_msg), "unhandled %s from %s (ESR 0x%08lx: %s)",
		 bad_kind[reason & 3], bad_origin[(reason >> 2) & 3],
		 (unsigned long)regs->esr, ec_name(regs->esr));
	die(die_msg, regs, (unsigned long)regs->far);
}

unsigned long arch_regs_pc(const struct pt_regs *regs)
{
	return (unsigned long)regs->pc;
}

unsigned long arch_regs_frame_pointer(const struct pt_regs *regs)
{
	return (unsigned long)regs->regs[29];
}

void arch_dump_regs(const struct pt_regs *regs)
{
	int i;

	printk("pc : %016lx  lr (x30): %016lx  pstate: %08lx\n",
	       (unsigned long)regs->pc, (unsigned long)regs->regs[30],
	       (unsigned long)regs->pstate);
	printk("sp : %016lx  esr: %08lx (%s)  far: %016lx\n",
	       (unsigned long)regs->sp, (unsigned long)regs->esr, ec_name(regs->esr),
	       (unsigned long)regs->far);
	for (i = 0; i < 30; i += 3)
		printk("x%-2d: %016lx  x%-2d: %016lx  x%-2d: %016lx\n", i,
		       (unsigned long)regs->regs[i], i + 1,
		       (unsigned long)regs->regs[i + 1], i + 2,
		       (unsigned long)regs->regs[i + 2]);
}
