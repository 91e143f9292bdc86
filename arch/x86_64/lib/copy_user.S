/*
 * The only kernel code that touches user addresses (<kernel/uaccess.h>
 * checks the range lies in the user half first). Each copy is one rep
 * movsb / rep stosb between stac and clac (asm/smap.h). A fault inside it
 * goes to do_page_fault(), which demand-pages the address and resumes the
 * instruction, or, when the address is bad, jumps to the exception-table
 * fixup: the string instruction leaves the bytes still to do in %rcx, and
 * that is what the fixup returns.
 */
#include <asm/extable.h>
#include <asm/smap.h>

	.text
/*
 * unsigned long raw_copy_from_user(void *dst, const void __user *src, size_t n)
 * unsigned long raw_copy_to_user(void __user *dst, const void *src, size_t n)
 * Returns the number of bytes not copied (0 on success).
 */
	.globl raw_copy_from_user
	.globl raw_copy_to_user
raw_copy_from_user:
raw_copy_to_user:
	movq %rdx, %rcx
	ASM_STAC
1:	rep movsb
	ASM_CLAC
	xorl %eax, %eax
	ret

/* unsigned long raw_clear_user(void __user *dst, size_t n): bytes not zeroed. */
	.globl raw_clear_user
raw_clear_user:
	movq %rsi, %rcx
	xorl %eax, %eax
	ASM_STAC
2:	rep stosb
	ASM_CLAC
	ret

/* A bad user address: %rcx bytes were not done. */
user_copy_fault:
	ASM_CLAC
	movq %rcx, %rax
	ret

	_ASM_EXTABLE(1b, user_copy_fault)
	_ASM_EXTABLE(2b, user_copy_fault)

	.section .note.GNU-stack, "", @progbits
