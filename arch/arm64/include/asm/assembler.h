/*
 * Assembler macros shared by the arm64 .S files.
 */
#ifndef ASM_ASSEMBLER_H
#define ASM_ASSEMBLER_H

#ifdef __ASSEMBLY__

#include <asm/sysreg.h>

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
 * MMU set-up shared by the boot CPU (head.S) and the secondaries
 * (smp_head.S), MMU off, before TTBR0/1 are loaded: drop whatever this
 * CPU's TLB holds, program MAIR_EL1 and TCR_EL1 (IPS = min(PARange, 48
 * bits)). Clobbers t0-t2.
 */
	.macro	cpu_init_mmu_regs, t0, t1, t2
	tlbi	vmalle1
	dsb	nsh
	ldr	\t0, =MAIR_EL1_INIT
	msr	mair_el1, \t0
	ldr	\t0, =TCR_EL1_INIT
	mrs	\t1, id_aa64mmfr0_el1
	and	\t1, \t1, #ID_AA64MMFR0_PARANGE_MASK
	mov	\t2, #TCR_IPS_48BIT
	cmp	\t1, \t2
	csel	\t1, \t1, \t2, ls
	bfi	\t0, \t1, #TCR_IPS_SHIFT, #3
	msr	tcr_el1, \t0
	.endm

/*
 * With TTBR0 (an identity map of this code) and TTBR1 loaded: MMU and
 * caches on, and no instruction fetched with the MMU off survives in the
 * I-cache. Execution continues at the identity-mapped address. Clobbers t0.
 */
	.macro	cpu_enable_mmu, t0
	isb
	ldr	\t0, =SCTLR_EL1_MMU_ON
	msr	sctlr_el1, \t0
	isb
	ic	iallu
	dsb	nsh
	isb
	.endm

/*
 * EL1 state every CPU sets once it runs at the link address: FP/SIMD for
 * user mode (and the context switch) untrapped, the user TLS registers
 * cleared (their reset values are UNKNOWN), the exception vectors.
 * Clobbers t0.
 */
	.macro	cpu_init_el1_state, t0
	ldr	\t0, =CPACR_EL1_FPEN
	msr	cpacr_el1, \t0
	msr	tpidr_el0, xzr
	msr	tpidrro_el0, xzr
	adr_l	\t0, vectors
	msr	vbar_el1, \t0
	isb
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
