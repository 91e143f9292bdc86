/*
 * x86-64 boot entry: the Multiboot2 header (GRUB), the PVH ELF note
 * (qemu -kernel), the 32-bit entry code that both loaders jump to, the
 * switch to long mode on early page tables, and the jump to C in the
 * higher half.
 *
 * The whole image is linked at KIMAGE_VADDR + its load address, so until
 * paging is on, code here uses PHYS(sym) for every absolute address.
 *
 * Early page tables (first 1 GiB, 2 MiB pages, RWX, not global):
 *
 *   early_pml4[0]                       -> early_pdpt_low  (identity)
 *   early_pml4[pgd_index(PAGE_OFFSET)]  -> early_pdpt_low  (direct map)
 *   early_pml4[511]                     -> early_pdpt_high (kernel image)
 *
 *   early_pdpt_low[0]     -> early_pd
 *   early_pdpt_high[510]  -> early_pd    (0xffffffff80000000 = PUD 510)
 *   early_pd[i]           =  i * 2 MiB, i = 0 .. 511
 */
#include <asm/memory.h>
#include <asm/msr.h>
#include <asm/multiboot2.h>
#include <asm/processor-flags.h>
#include <asm/pvh.h>
#include <asm/segment.h>

#define PHYS(x) ((x) - KIMAGE_VADDR)
#define TABLE_INDEX(va, shift) (((va) >> (shift)) & 511)

/* Early entry bits: present, writable, and PS for a 2 MiB leaf. */
#define EARLY_TABLE (0x1 | 0x2)
#define EARLY_LEAF_2M (0x1 | 0x2 | 0x80)

#define BOOT_STACK_SIZE 16384

	.section .head.text, "ax"
	.code32

/* Multiboot2 header: 8-byte aligned, within the first 32 KiB of the file. */
	.balign 8
mb2_header:
	.long MULTIBOOT2_HEADER_MAGIC
	.long MULTIBOOT2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long 0x100000000 - (MULTIBOOT2_HEADER_MAGIC + MULTIBOOT2_ARCH_I386 + \
			     (mb2_header_end - mb2_header))
	/* Entry address tag: enter at mb2_entry's physical address. */
	.balign 8
	.word MULTIBOOT2_HEADER_TAG_ENTRY_ADDRESS, 0
	.long 12
	.long PHYS(mb2_entry)
	.balign 8
	.word MULTIBOOT2_HEADER_TAG_END, 0
	.long 8
mb2_header_end:

/* PVH: QEMU finds this note through a PT_NOTE program header. */
	.pushsection .note.Xen, "a", @note
	.balign 4
	.long 4				/* name size: "Xen\0" */
	.long 4				/* descriptor size */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.long PHYS(pvh_entry)
	.popsection

/*
 * PVH entry: 32-bit protected mode, paging off, %ebx = hvm_start_info.
 * Tag the protocol in %eax the way Multiboot2 does, then share the path.
 */
pvh_entry:
	movl $XEN_HVM_START_MAGIC, %eax
	jmp startup_32

/*
 * Multiboot2 entry: %eax = MULTIBOOT2_BOOTLOADER_MAGIC, %ebx = boot info.
 * Global for kernel.ld, which makes it the ELF entry point.
 */
	.globl mb2_entry
mb2_entry:
	/* fall through */

/*
 * Common 32-bit path. In: %eax = protocol magic, %ebx = its info block
 * (physical). No stack is needed or used until long mode.
 */
startup_32:
	cli
	cld
	movl %eax, %esi
	movl %ebx, %edi

	lgdt PHYS(boot_gdt_desc)
	movl $__KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss

	/* PAE is required for long mode; PGE lets later tables use _PAGE_GLOBAL. */
	movl %cr4, %eax
	orl $(X86_CR4_PAE | X86_CR4_PGE), %eax
	movl %eax, %cr4

	movl $PHYS(early_pml4), %eax
	movl %eax, %cr3

	/* Long mode, and bit 63 of page-table entries means no-execute. */
	movl $MSR_EFER, %ecx
	rdmsr
	orl $(EFER_LME | EFER_NXE), %eax
	wrmsr

	/* Paging on (activates long mode); WP: ring 0 obeys read-only pages. */
	movl %cr0, %eax
	orl $(X86_CR0_PG | X86_CR0_WP | X86_CR0_PE), %eax
	movl %eax, %cr0

	ljmp $__KERNEL_CS, $PHYS(startup_64)

	.code64
/* 64-bit mode, still at the identity-mapped physical address. */
startup_64:
	movabsq $startup_64_high, %rax
	jmp *%rax

startup_64_high:
	movl $__KERNEL_DS, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs

	/* Zero .bss (which holds the boot stack). %esi/%edi survive in r12/r13. */
	movl %esi, %r12d
	movl %edi, %r13d
	movq $__bss_start, %rdi
	movq $_end, %rcx
	subq %rdi, %rcx
	xorl %eax, %eax
	rep stosb

	movq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	movq %r12, %rdi			/* protocol magic */
	movq %r13, %rsi			/* physical address of the info block */
	call x86_64_start_kernel
1:	hlt
	jmp 1b

/* Boot GDT: code and data only; gdt_init() replaces it before start_kernel. */
	.balign 8
boot_gdt:
	.quad 0
	.quad GDT_DESC_KERNEL_CODE64	/* __KERNEL_CS */
	.quad GDT_DESC_KERNEL_DATA	/* __KERNEL_DS */
boot_gdt_end:
boot_gdt_desc:
	.word boot_gdt_end - boot_gdt - 1
	.long PHYS(boot_gdt)

	.section .data
	.balign 4096
	.globl early_pml4	/* also the secondary CPUs' first tables (trampoline.S) */
early_pml4:
	.quad PHYS(early_pdpt_low) + EARLY_TABLE
	.org early_pml4 + TABLE_INDEX(PAGE_OFFSET, 39) * 8
	.quad PHYS(early_pdpt_low) + EARLY_TABLE
	.org early_pml4 + TABLE_INDEX(KIMAGE_VADDR, 39) * 8
	.quad PHYS(early_pdpt_high) + EARLY_TABLE
	.org early_pml4 + 4096
early_pdpt_low:
	.quad PHYS(early_pd) + EARLY_TABLE
	.org early_pdpt_low + 4096
early_pdpt_high:
	.org early_pdpt_high + TABLE_INDEX(KIMAGE_VADDR, 30) * 8
	.quad PHYS(early_pd) + EARLY_TABLE
	.org early_pdpt_high + 4096
early_pd:
	.set addr, 0
	.rept 512
	.quad addr + EARLY_LEAF_2M
	.set addr, addr + 0x200000
	.endr

	.section .bss
	.balign 4096
	.globl boot_stack_top
boot_stack:
	.skip BOOT_STACK_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
