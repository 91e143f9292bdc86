/*
 * Entry of a secondary CPU (<asm/smp.h>): PSCI CPU_ON or the spin-table
 * release sends it to secondary_entry's physical address with the MMU
 * off, at EL2 or EL1, x0 = PSCI context id (unused). It takes everything
 * it needs from secondary_data, which the boot CPU filled for it.
 */
#include <asm/assembler.h>
#include <asm/smp.h>
#include <asm/sysreg.h>

	/* Runs at its physical address until the MMU is on: identity-mapped. */
	.section ".idmap.text", "ax"
	.globl	secondary_entry
secondary_entry:
	msr	daifset, #DAIF_ALL_IMM		// no interrupts until secondary_start_kernel()
	bl	el2_to_el1			// head.S; w20 = BOOT_CPU_MODE_EL1/EL2
	cpu_init_mmu_regs x0, x1, x2
	adr_l	x0, secondary_data		// physical (MMU off): cleaned to PoC
	ldr	x1, [x0, #SECONDARY_DATA_TTBR0]
	msr	ttbr0_el1, x1
	ldr	x1, [x0, #SECONDARY_DATA_TTBR1]
	msr	ttbr1_el1, x1
	cpu_enable_mmu x0
	ldr	x8, =secondary_switched
	br	x8

	.ltorg

	.text
/* At the link address, on the kernel's tables. */
secondary_switched:
	adr_l	x0, secondary_data		// virtual now
	ldr	x1, [x0, #SECONDARY_DATA_STACK]
	mov	sp, x1
	cpu_init_el1_state x1			// FP/SIMD, user TLS, vectors
	mov	x29, xzr			// end of the frame-record chain
	mov	x30, xzr
	ldr	x0, [x0, #SECONDARY_DATA_CPU]
	mov	w1, w20				// the EL we were entered at
	bl	arm64_secondary_start		// does not return

	.section .note.GNU-stack, "", %progbits
