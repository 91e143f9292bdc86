/*
 * Assembler macros shared by the arm64 .S files.
 */
#ifndef ASM_ASSEMBLER_H
#define ASM_ASSEMBLER_H

#ifdef __ASSEMBLY__

/* dst = address of sym, PC-relative (+-4 GiB): physical before the MMU is
 * on, virtual after. */
	.macro	adr_l, dst, sym
	adrp	\dst, \sym
	add	\dst, \dst, :lo12:\sym
	.endm

/*
 * Invalidate the data cache lines covering [start, end) to the point of
 * coherency, discarding their contents. Clobbers start, tmp1, tmp2.
 */
	.macro	dcache_inval_poc, start, end, tmp1, tmp2
	mrs	\tmp1, ctr_el0
	ubfx	\tmp1, \tmp1, #16, #4		// CTR_EL0.DminLine: log2(words per line)
	mov	\tmp2, #4
	lsl	\tmp2, \tmp2, \tmp1		// smallest line size in bytes
	sub	\tmp1, \tmp2, #1
	bic	\start, \start, \tmp1
9999:	dc	ivac, \start
	add	\start, \start, \tmp2
	cmp	\start, \end
	b.lo	9999b
	dsb	sy
	.endm

/*
 * Exception-table entry (<asm/extable.h>): a fault at \from continues at
 * \to. USER(fixup, insn) emits insn with such an entry.
 */
	.macro	_asm_extable, from, to
	.pushsection	__ex_table, "a"
	.balign	4
	.long	(\from - .), (\to - .)
	.popsection
	.endm

#define USER(l, x...)			\
9998:	x;				\
	_asm_extable 9998b, l

#endif
#endif
