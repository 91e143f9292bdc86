/*
 * C-callable save and load of the live FP/SIMD registers (<asm/thread.h>):
 * fork copies the parent's registers, exec resets them.
 */
#include <asm/fpsimdmacros.h>

	.text
/* void fpsimd_save_state(struct user_fpsimd_state *x0) */
	.globl	fpsimd_save_state
fpsimd_save_state:
	fpsimd_save x0, 8
	ret

/* void fpsimd_load_state(const struct user_fpsimd_state *x0) */
	.globl	fpsimd_load_state
fpsimd_load_state:
	fpsimd_restore x0, 8
	ret

	.section .note.GNU-stack, "", %progbits
