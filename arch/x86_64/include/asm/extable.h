/*
 * The exception table: pairs (address of an instruction that may fault,
 * address to continue at if it does). Only the user-copy routines
 * (lib/copy_user.S) have entries; the fault handlers consult the table for
 * a fault in kernel mode (mm/extable.c).
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#ifdef __ASSEMBLY__

#define _ASM_EXTABLE(insn, fixup)		\
	.pushsection __ex_table, "a";		\
	.balign 8;				\
	.quad insn, fixup;			\
	.popsection

#else

#include <kernel/types.h>

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to continue when it does */
};

/* The entry for the instruction at addr, or NULL. */
const struct exception_table_entry *search_exception_tables(unsigned long addr);

/*
 * If regs->rip has an entry, point regs->rip at its fixup and return
 * true; otherwise false (the fault is a kernel bug).
 */
bool fixup_exception(struct pt_regs *regs);

#endif

#endif
