/*
 * The secondary CPUs' way from real mode to the kernel (see asm/smp.h).
 *
 * trampoline_start .. trampoline_end is data in the image, copied to
 * TRAMPOLINE_PA and run there, so every absolute address in it is
 * TRAMP(label). secondary_startup_64 is ordinary kernel text.
 */
#include <asm/memory.h>
#include <asm/msr.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/smp.h>

#define TRAMP(x) (TRAMPOLINE_PA + ((x) - trampoline_start))

/* The trampoline GDT: the kernel's code and data, plus 32-bit code. */
#define TRAMP_GDT_CODE32 3
#define TRAMP_CODE32_SEL (TRAMP_GDT_CODE32 * 8)
#define GDT_DESC_CODE32 0x00cf9a000000ffff	/* G=1, D=1, P=1, S=1, execute/read */

/* CR0 in long mode: caches on (CD = NW = 0), the rest as the boot CPU has. */
#define TRAMP_CR0 (X86_CR0_PE | X86_CR0_ET | X86_CR0_NE | X86_CR0_WP | X86_CR0_PG)

	.section .rodata, "a"
	.balign 16
	.globl trampoline_start
trampoline_start:
	.code16
	/* Real mode, CS = TRAMPOLINE_PA >> 4, IP = 0; interrupts masked by INIT. */
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	lgdtl tramp_gdt_desc - trampoline_start
	movl %cr0, %eax
	orl $X86_CR0_PE, %eax
	movl %eax, %cr0
	ljmpl $TRAMP_CODE32_SEL, $TRAMP(tramp_32)

	.code32
tramp_32:
	movl $__KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss

	movl $(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl %eax, %cr4
	movl $(early_pml4 - KIMAGE_VADDR), %eax
	movl %eax, %cr3

	movl $MSR_EFER, %ecx
	rdmsr
	orl $(EFER_LME | EFER_NXE), %eax
	wrmsr

	movl $TRAMP_CR0, %eax
	movl %eax, %cr0
	ljmpl $__KERNEL_CS, $TRAMP(tramp_64)

	.code64
tramp_64:
	movabsq $secondary_startup_64, %rax
	jmpq *%rax

	.balign 8
tramp_gdt:
	.quad 0
	.quad GDT_DESC_KERNEL_CODE64	/* __KERNEL_CS */
	.quad GDT_DESC_KERNEL_DATA	/* __KERNEL_DS */
	.quad GDT_DESC_CODE32		/* TRAMP_CODE32_SEL */
tramp_gdt_end:
tramp_gdt_desc:
	.word tramp_gdt_end - tramp_gdt - 1
	.long TRAMP(tramp_gdt)
	.globl trampoline_end
trampoline_end:

/*
 * In the higher half on the early tables: move to the kernel's own tables
 * and the idle task's stack, then C. smpboot_* were written by the boot
 * CPU before it sent the STARTUP IPIs. The trampoline GDT is not mapped
 * in the kernel's tables, so no segment register is loaded until
 * start_secondary() has loaded this CPU's own GDT (gdt_init_cpu()); the
 * cached descriptors serve until then.
 */
	.text
	.globl secondary_startup_64
secondary_startup_64:
	movq smpboot_cr3(%rip), %rax
	movq %rax, %cr3
	movq smpboot_stack(%rip), %rsp
	xorl %ebp, %ebp
	movl smpboot_cpu(%rip), %edi
	call start_secondary
1:	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
