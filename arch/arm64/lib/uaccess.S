/*
 * Copies to and from user memory (<kernel/uaccess.h>), each returning the
 * number of bytes NOT copied:
 *
 *   raw_copy_from_user(x0 = kernel dst, x1 = user src, x2 = n)
 *   raw_copy_to_user(x0 = user dst, x1 = kernel src, x2 = n)
 *   raw_clear_user(x0 = user dst, x1 = n)
 *
 * Every user access is an unprivileged load/store (LDTR/STTR): it is
 * checked against the EL0 permissions, so a kernel address or a page user
 * mode may not access faults even without PAN (and PAN does not apply to
 * these instructions, so it stays on). Each user access has an exception
 * table entry: the fault handler (mm/fault.c) first tries to resolve the
 * fault like a user page fault and retries the instruction; if that fails
 * it continues at the fixup. Eight bytes move at a time while at least
 * eight are left; a fault there falls back to the byte loop, which finds
 * the exact first inaccessible byte. x2 (x1 for clear) always holds the
 * bytes not yet copied.
 */
#include <asm/assembler.h>

	.text
	.globl	raw_copy_from_user
raw_copy_from_user:
	cmp	x2, #8
	b.lo	2f
1:
USER(2f, ldtr	x3, [x1])
	str	x3, [x0], #8
	add	x1, x1, #8
	sub	x2, x2, #8
	cmp	x2, #8
	b.hs	1b
2:	cbz	x2, 9f
3:
USER(9f, ldtrb	w3, [x1])
	strb	w3, [x0], #1
	add	x1, x1, #1
	subs	x2, x2, #1
	b.ne	3b
9:	mov	x0, x2
	ret

	.globl	raw_copy_to_user
raw_copy_to_user:
	cmp	x2, #8
	b.lo	2f
1:	ldr	x3, [x1]
USER(2f, sttr	x3, [x0])
	add	x0, x0, #8
	add	x1, x1, #8
	sub	x2, x2, #8
	cmp	x2, #8
	b.hs	1b
2:	cbz	x2, 9f
3:	ldrb	w3, [x1]
USER(9f, sttrb	w3, [x0])
	add	x0, x0, #1
	add	x1, x1, #1
	subs	x2, x2, #1
	b.ne	3b
9:	mov	x0, x2
	ret

	.globl	raw_clear_user
raw_clear_user:
	cmp	x1, #8
	b.lo	2f
1:
USER(2f, sttr	xzr, [x0])
	add	x0, x0, #8
	sub	x1, x1, #8
	cmp	x1, #8
	b.hs	1b
2:	cbz	x1, 9f
3:
USER(9f, sttrb	wzr, [x0])
	add	x0, x0, #1
	subs	x1, x1, #1
	b.ne	3b
9:	mov	x0, x1
	ret

	.section .note.GNU-stack, "", %progbits
