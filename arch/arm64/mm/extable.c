/*
 * Lookup in the exception table (<asm/extable.h>). The table is small (the
 * user-access routines), so it is searched linearly and needs no sorting.
 */
#include <asm/extable.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

unsigned long search_exception_tables(unsigned long pc)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if ((unsigned long)&e->insn + e->insn == pc)
			return (unsigned long)&e->fixup + e->fixup;
	return 0;
}
