/*
 * Exception-table lookup (asm/extable.h). The table is a handful of
 * entries from lib/copy_user.S, collected by kernel.ld between
 * __start___ex_table and __stop___ex_table; a linear search is enough.
 */
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->rip);

	if (!e)
		return false;
	regs->rip = e->fixup;
	return true;
}
