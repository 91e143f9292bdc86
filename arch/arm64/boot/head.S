/*
 * arm64 kernel entry: the Linux Image header and everything that runs
 * before the MMU is on.
 *
 * The boot loader (QEMU -kernel, the Raspberry Pi firmware, U-Boot booti)
 * loads the Image at some 2 MiB-aligned physical base + TEXT_OFFSET and
 * jumps to its first byte at EL2 or EL1 with the MMU off and x0 = physical
 * address of the device tree. Then:
 *
 *   primary_entry        (physical addresses, MMU off)
 *     el2_to_el1           drop to EL1 if entered at EL2
 *     create_page_tables   early tables, see below
 *     enable_mmu           MAIR, TCR, TTBR0/1, SCTLR; jump to the link address
 *                          (the MMU and EL1 set-up macros of <asm/assembler.h>
 *                          are shared with secondary CPUs, smp_head.S)
 *   primary_switched     (KIMAGE_VADDR, MMU on)
 *     stack, FP/SIMD on (CPACR), TPIDRs cleared, vectors, zero bss,
 *     kimage_phys_base -> arm64_start_kernel(dtb)
 *
 * Early page tables (7 pages in .early_pgtables, after bss):
 *   TTBR1: KIMAGE_VADDR -> physical base, 2 MiB blocks covering the image
 *          up to _end (RWX until the final tables replace them)
 *          PAGE_OFFSET + the GiB holding the kernel -> that GiB (1 GiB block)
 *   TTBR0: identity map of physical [0, 4 GiB): device memory, 1 GiB
 *          blocks, except the GiB holding the kernel, mapped with 2 MiB
 *          blocks: device, but normal over the DTB and normal executable
 *          over the image (this code runs from it while the MMU comes on).
 *          A DTB outside the kernel's GiB makes its whole GiB normal.
 *          The early console reaches its UART through this map until
 *          arch_late_init() ioremaps it. 2 MiB blocks because a board may
 *          keep its peripherals in the kernel's GiB (the Pi 3's at
 *          0x3f000000): device registers must never be mapped normal.
 *
 * Registers kept across the boot path:
 *   x19 DTB physical address, x20 boot_cpu_mode, x21 physical base
 */
#include <asm/assembler.h>
#include <asm/kernel-pgtable.h>
#include <asm/memory.h>
#include <asm/sysreg.h>

/* Image header "flags" (Documentation/arch/arm64/booting.rst). */
#define IMAGE_FLAG_LE (0 << 0)		/* bit 0: kernel is little endian */
#define IMAGE_FLAG_PAGE_4K (1 << 1)	/* bits 2:1: page size 4 KiB */
#define IMAGE_FLAG_PHYS_ANY (1 << 3)	/* bit 3: any 2 MiB-aligned base */
#define IMAGE_FLAGS (IMAGE_FLAG_LE | IMAGE_FLAG_PAGE_4K | IMAGE_FLAG_PHYS_ANY)

#define INIT_STACK_SIZE 16384

/* Index of va in the table at level `shift`, times 8: a byte offset. */
#define TABLE_OFFSET(va, shift) ((((va) >> (shift)) & 511) * 8)

	.section ".head.text", "ax"
	/* The 64-byte Image header, at the very start of the Image. */
	b	primary_entry			// code0: branch to the entry
	.long	0				// code1
	.quad	TEXT_OFFSET			// text_offset from the 2 MiB base
	.quad	_kernel_size			// image_size, bss included (kernel.ld)
	.quad	IMAGE_FLAGS			// flags
	.quad	0				// res2
	.quad	0				// res3
	.quad	0				// res4
	.ascii	"ARM\x64"			// magic, at offset 0x38
	.long	0				// res5 (no PE/COFF header)

primary_entry:
	mov	x19, x0				// DTB physical address
	msr	daifset, #DAIF_ALL_IMM		// no interrupts until we ask
	bl	el2_to_el1
	adr_l	x21, _text
	sub	x21, x21, #TEXT_OFFSET		// physical base the image is mapped from
	bl	create_page_tables
	b	enable_mmu

/*
 * Leave EL2 for EL1 if the boot loader entered us at EL2 (Pi firmware,
 * QEMU virtualization=on), with EL1 allowed to use the physical timer and
 * FP. Returns at EL1 with w20 = BOOT_CPU_MODE_EL1 or _EL2. Clobbers x0.
 * MMU off; secondary CPUs call it too (smp_head.S).
 */
	.globl	el2_to_el1
el2_to_el1:
	mrs	x0, CurrentEL
	cmp	x0, #CurrentEL_EL2
	b.eq	1f
	ldr	x0, =SCTLR_EL1_MMU_OFF		// known state: MMU off, little endian
	msr	sctlr_el1, x0
	isb
	mov	w20, #BOOT_CPU_MODE_EL1
	ret
1:	ldr	x0, =HCR_EL2_RW			// EL1 runs AArch64, nothing trapped
	msr	hcr_el2, x0
	mrs	x0, cnthctl_el2
	orr	x0, x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr		// virtual counter == physical counter
	mrs	x0, midr_el1			// EL1 reads the real CPU ids
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	ldr	x0, =CPTR_EL2_RES1		// FP/SIMD not trapped to EL2
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	msr	vttbr_el2, xzr			// no stage 2
	ldr	x0, =SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	mov	x0, #(PSR_DAIF_MASK | PSR_MODE_EL1h)
	msr	spsr_el2, x0			// return to EL1, SP_EL1, all masked
	msr	elr_el2, lr
	mov	w20, #BOOT_CPU_MODE_EL2
	eret

/*
 * idmap_normal pa: make the identity map normal (non-executable) memory
 * around physical address pa: its 2 MiB block if pa is in the kernel's GiB
 * (x4, table x5), else its whole GiB (in idmap_pud, x1; beyond 512 GiB:
 * left unmapped). Clobbers x2, x3, x6.
 */
	.macro	idmap_normal, pa
	ldr	x3, =EARLY_BLOCK_NORMAL
	lsr	x6, \pa, #EARLY_PUD_SHIFT
	cmp	x6, x4
	b.ne	.Lidmap_gib\@
	ubfx	x6, \pa, #EARLY_PMD_SHIFT, #9
	lsr	x2, \pa, #EARLY_PMD_SHIFT
	orr	x2, x3, x2, lsl #EARLY_PMD_SHIFT
	str	x2, [x5, x6, lsl #3]
	b	.Lidmap_done\@
.Lidmap_gib\@:
	cmp	x6, #EARLY_PTRS_PER_TABLE
	b.hs	.Lidmap_done\@
	orr	x2, x3, x6, lsl #EARLY_PUD_SHIFT
	str	x2, [x1, x6, lsl #3]
.Lidmap_done\@:
	.endm

/*
 * Build the early tables described at the top of this file. MMU off, so
 * the stores go straight to memory: invalidate the range before (so no
 * stale dirty line is later written back over it) and after (so no line
 * fetched meanwhile hides it once the caches are on).
 * Expects x19, x21. Clobbers x0-x7.
 */
create_page_tables:
	adr_l	x0, __early_pgtables_start
	adr_l	x1, __early_pgtables_end
	dcache_inval_poc x0, x1, x2, x3
	adr_l	x0, __early_pgtables_start
1:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b

	/* TTBR0: L0[0] -> idmap_pud, 1 GiB device blocks. */
	adr_l	x0, early_idmap_pg_dir
	adr_l	x1, early_idmap_pud
	orr	x2, x1, #EARLY_TABLE
	str	x2, [x0]
	ldr	x3, =EARLY_BLOCK_DEVICE
	mov	x4, #0
2:	lsl	x2, x4, #EARLY_PUD_SHIFT
	orr	x2, x2, x3
	str	x2, [x1, x4, lsl #3]
	add	x4, x4, #1
	cmp	x4, #EARLY_IDMAP_GIBS
	b.lo	2b
	/* The kernel's GiB (x4) -> idmap_pmd (x5): 2 MiB device blocks. */
	lsr	x4, x21, #EARLY_PUD_SHIFT
	cmp	x4, #EARLY_PTRS_PER_TABLE
	b.hs	.				// beyond 512 GiB: cannot boot, no console
	adr_l	x5, early_idmap_pmd
	orr	x2, x5, #EARLY_TABLE
	str	x2, [x1, x4, lsl #3]
	lsl	x2, x4, #EARLY_PUD_SHIFT
	orr	x2, x2, x3
	mov	x6, #0
3:	str	x2, [x5, x6, lsl #3]
	add	x2, x2, #(1 << EARLY_PMD_SHIFT)
	add	x6, x6, #1
	cmp	x6, #EARLY_PTRS_PER_TABLE
	b.lo	3b
	/* The DTB: at most 2 MiB (FDT_MAX_SIZE), so within [x19, x19 + 2 MiB). */
	idmap_normal x19
	add	x7, x19, #(1 << EARLY_PMD_SHIFT)
	sub	x7, x7, #1
	idmap_normal x7
	/* The image up to _end, last so that it stays executable. */
	ldr	x6, =_end
	ldr	x7, =KIMAGE_VADDR
	sub	x6, x6, x7
	lsr	x6, x6, #EARLY_PMD_SHIFT
	add	x6, x6, #1			// number of 2 MiB blocks up to _end
	ubfx	x7, x21, #EARLY_PMD_SHIFT, #9	// first block's index in idmap_pmd
	add	x6, x6, x7
	cmp	x6, #EARLY_PTRS_PER_TABLE
	mov	x2, #EARLY_PTRS_PER_TABLE
	csel	x6, x6, x2, ls			// not past the kernel's GiB
	ldr	x3, =EARLY_BLOCK_NORMAL_EXEC
	orr	x2, x3, x21
4:	str	x2, [x5, x7, lsl #3]
	add	x2, x2, #(1 << EARLY_PMD_SHIFT)
	add	x7, x7, #1
	cmp	x7, x6
	b.lo	4b

	/* TTBR1: L0 -> kimage_pud -> kimage_pmd, 2 MiB blocks of the image. */
	adr_l	x0, early_pg_dir
	adr_l	x1, early_kimage_pud
	orr	x2, x1, #EARLY_TABLE
	str	x2, [x0, #TABLE_OFFSET(KIMAGE_VADDR, EARLY_PGDIR_SHIFT)]
	adr_l	x2, early_kimage_pmd
	orr	x3, x2, #EARLY_TABLE
	str	x3, [x1, #TABLE_OFFSET(KIMAGE_VADDR, EARLY_PUD_SHIFT)]
	ldr	x5, =_end
	ldr	x6, =KIMAGE_VADDR
	sub	x5, x5, x6
	lsr	x5, x5, #EARLY_PMD_SHIFT
	add	x5, x5, #1			// number of 2 MiB blocks up to _end
	ldr	x3, =EARLY_BLOCK_NORMAL_EXEC
	orr	x3, x3, x21
	mov	x4, #0
3:	str	x3, [x2, x4, lsl #3]
	add	x3, x3, #(1 << EARLY_PMD_SHIFT)
	add	x4, x4, #1
	cmp	x4, x5
	b.lo	3b

	/* TTBR1: L0 -> direct_pud, PAGE_OFFSET + kernel GiB -> kernel GiB. */
	adr_l	x1, early_direct_pud
	orr	x2, x1, #EARLY_TABLE
	str	x2, [x0, #TABLE_OFFSET(PAGE_OFFSET, EARLY_PGDIR_SHIFT)]
	ldr	x3, =EARLY_BLOCK_NORMAL
	lsr	x4, x21, #EARLY_PUD_SHIFT
	lsl	x2, x4, #EARLY_PUD_SHIFT
	orr	x2, x2, x3
	str	x2, [x1, x4, lsl #3]

	dmb	sy
	adr_l	x0, __early_pgtables_start
	adr_l	x1, __early_pgtables_end
	dcache_inval_poc x0, x1, x2, x3
	ret

/*
 * Program the translation registers, turn the MMU and caches on and jump
 * from the identity-mapped physical PC to the link address.
 */
enable_mmu:
	cpu_init_mmu_regs x0, x1, x2		// also drops what the loader left
	adr_l	x0, early_idmap_pg_dir
	msr	ttbr0_el1, x0
	adr_l	x0, early_pg_dir
	msr	ttbr1_el1, x0
	cpu_enable_mmu x0
	ldr	x8, =primary_switched
	br	x8

	.ltorg

	.text
/* Running at the link address now. */
primary_switched:
	adr_l	x0, init_stack_top
	mov	sp, x0
	cpu_init_el1_state x0			// FP/SIMD, user TLS, vectors
	msr	tpidr_el1, xzr			// this_cpu() == NULL until sched_init()
	mov	x29, xzr			// end of the frame-record chain
	mov	x30, xzr
	adr_l	x0, __bss_start			// zero bss (the stack is unused yet)
	adr_l	x1, __bss_stop
1:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b
	adr_l	x0, kimage_phys_base
	str	x21, [x0]
	adr_l	x0, boot_cpu_mode
	str	w20, [x0]
	mov	x0, x19
	bl	arm64_start_kernel		// does not return

	.bss
	.balign	16
init_stack:
	.skip	INIT_STACK_SIZE
init_stack_top:

	.section ".early_pgtables", "aw", %nobits
	.balign	4096
early_idmap_pg_dir:				// TTBR0 L0
	.skip	4096
early_idmap_pud:
	.skip	4096
early_idmap_pmd:				// the kernel's GiB, 2 MiB blocks
	.skip	4096
early_pg_dir:					// TTBR1 L0
	.skip	4096
early_kimage_pud:
	.skip	4096
early_kimage_pmd:
	.skip	4096
early_direct_pud:
	.skip	4096

	.section .note.GNU-stack, "", %progbits
