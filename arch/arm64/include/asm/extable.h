/*
 * The exception table: for each instruction allowed to fault (the user
 * accesses of lib/uaccess.S), where to continue instead. Entries are
 * emitted by the _asm_extable macro (<asm/assembler.h>) into section
 * __ex_table as two 32-bit offsets relative to the entry itself, so the
 * table is position independent; kernel.ld brackets it with
 * __start___ex_table / __stop___ex_table.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#include <kernel/types.h>

struct exception_table_entry {
	s32 insn;	/* faulting instruction - &insn */
	s32 fixup;	/* continuation - &fixup */
};

/* The fixup address for a fault at pc, or 0 if pc may not fault. */
unsigned long search_exception_tables(unsigned long pc);

#endif
