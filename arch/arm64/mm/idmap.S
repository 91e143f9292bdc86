/*
 * Code that must run from the TTBR0 identity map because it changes the
 * TTBR1 tables the kernel normally runs from. Called at its physical
 * address (__pa_symbol()) with IRQs masked; touches no memory.
 */
#include <asm/assembler.h>

	.section ".idmap.text", "ax"

/*
 * idmap_cpu_replace_ttbr1(x0 = new TTBR1 table, x1 = an all-zero table),
 * both physical. Break-before-make for the whole kernel half: first no
 * kernel translations at all (TTBR1 -> zero table), drop every cached
 * one, then the new tables. Old and new tables may map the same address
 * with different block sizes, which must never both sit in the TLB.
 */
	.globl	idmap_cpu_replace_ttbr1
idmap_cpu_replace_ttbr1:
	dsb	ishst				// new tables visible to the walker
	msr	ttbr1_el1, x1
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	msr	ttbr1_el1, x0
	isb
	ret

	.section .note.GNU-stack, "", %progbits
