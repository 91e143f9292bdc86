/*
 * Whole-page zeroing and copying for mm/ (<mm/arch.h>): clear_page(x0 =
 * page) and copy_page(x0 = to, x1 = from), both page-aligned addresses of
 * normal (cacheable) memory.
 *
 * clear_page uses DC ZVA, which zeroes one block of 4 << DCZID_EL0.BS
 * bytes per instruction, unless DCZID_EL0.DZP forbids it; then it stores
 * pairs of zero registers. copy_page moves 64 bytes per iteration with
 * load/store pairs.
 *
 *   DCZID_EL0:  63          5   4   3     0
 *              +-------------+-----+-------+
 *              |      0      | DZP |  BS   |   block = 4 << BS bytes
 *              +-------------+-----+-------+
 */
	.text
	.globl	clear_page
clear_page:
	mrs	x1, dczid_el0
	tbnz	x1, #4, 2f		/* DZP: DC ZVA prohibited */
	and	x1, x1, #0xf
	mov	x2, #4
	lsl	x2, x2, x1		/* block size in bytes */
	add	x3, x0, #4096
1:	dc	zva, x0
	add	x0, x0, x2
	cmp	x0, x3
	b.lo	1b
	ret
2:	add	x3, x0, #4096
3:	stp	xzr, xzr, [x0]
	stp	xzr, xzr, [x0, #16]
	stp	xzr, xzr, [x0, #32]
	stp	xzr, xzr, [x0, #48]
	add	x0, x0, #64
	cmp	x0, x3
	b.lo	3b
	ret

	.globl	copy_page
copy_page:
	add	x2, x0, #4096
1:	ldp	x3, x4, [x1]
	ldp	x5, x6, [x1, #16]
	ldp	x7, x8, [x1, #32]
	ldp	x9, x10, [x1, #48]
	stp	x3, x4, [x0]
	stp	x5, x6, [x0, #16]
	stp	x7, x8, [x0, #32]
	stp	x9, x10, [x0, #48]
	add	x0, x0, #64
	add	x1, x1, #64
	cmp	x0, x2
	b.lo	1b
	ret

	.section .note.GNU-stack, "", %progbits
