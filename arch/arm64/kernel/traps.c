/*
 * arm64 synchronous exceptions and the register dump. Every synchronous
 * exception in the kernel is fatal for now: it is decoded into a readable
 * message and handed to die(). (Page faults on user addresses arrive with
 * user space.)
 */
#include <kernel/arch.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/trap.h>
#include <asm/esr.h>
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

/* "level 3 translation fault" and the like, for an abort's FSC. */
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

/* An instruction or data abort taken in the kernel. Does not return. */
static void __noreturn kernel_abort(struct pt_regs *regs)
{
	u64 esr = regs->esr;
	unsigned int fsc = ESR_ELx_FSC(esr);
	const char *access;
	const char *what;
	int level;

	if (ESR_ELx_EC(esr) == ESR_ELx_EC_IABT_CUR)
		access = "instruction fetch";
	else if (esr & ESR_ELx_CM)
		access = "cache maintenance";
	else
		access = (esr & ESR_ELx_WNR) ? "write" : "read";
	what = fsc_name(fsc, &level);
	if (level >= 0)
		snprintf(die_msg, sizeof(die_msg),
			 "Unable to handle kernel paging request: level %d %s, %s",
			 level, what, access);
	else
		snprintf(die_msg, sizeof(die_msg),
			 "Unable to handle kernel access: %s (FSC 0x%02x), %s", what,
			 fsc, access);
	die(die_msg, regs,
	    (esr & ESR_ELx_FnV) ? 0 : (unsigned long)regs->far);
}

/*
 * Synchronous exception from EL1 (entry.S), IRQs masked. Returning
 * resumes at regs->pc; every case today ends in die().
 */
void el1_sync_handler(struct pt_regs *regs)
{
	switch (ESR_ELx_EC(regs->esr)) {
	case ESR_ELx_EC_IABT_CUR:
	case ESR_ELx_EC_DABT_CUR:
		kernel_abort(regs);
	}
	snprintf(die_msg, sizeof(die_msg), "%s in kernel (ESR 0x%08lx)",
		 ec_name(regs->esr), (unsigned long)regs->esr);
	die(die_msg, regs, (unsigned long)regs->far);
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
