/*
 * Bits of the x86-64 control registers, EFER and RFLAGS that this kernel
 * sets or tests (Intel SDM vol. 3, 2.5 and 2.2.1). Usable from assembly.
 *
 *   CR0:  31  16    5  4  3  2  1  0
 *        +--+--+-..-+--+--+--+--+--+--+
 *        |PG|WP|    |NE|ET|TS|EM|MP|PE|
 *        +--+--+-..-+--+--+--+--+--+--+
 *
 *   CR4:  21    20      10        9     7   5
 *        +----+----+-..-+----------+------+-+---+-+---+--+
 *        |SMAP|SMEP|    |OSXMMEXCPT|OSFXSR| |PGE| |PAE|..|
 *        +----+----+-..-+----------+------+-+---+-+---+--+
 */
#ifndef ASM_PROCESSOR_FLAGS_H
#define ASM_PROCESSOR_FLAGS_H

#include <asm/const.h>

/* CR0 */
#define X86_CR0_PE _BITUL(0)	/* protected mode */
#define X86_CR0_MP _BITUL(1)	/* wait/fwait honour TS */
#define X86_CR0_EM _BITUL(2)	/* no x87: must be clear for FP and SSE */
#define X86_CR0_TS _BITUL(3)	/* task switched: FP use raises #NM */
#define X86_CR0_ET _BITUL(4)	/* extension type: always 1 on x86-64 */
#define X86_CR0_NE _BITUL(5)	/* x87 errors as #MF, not the PIC line */
#define X86_CR0_WP _BITUL(16)	/* ring 0 honours read-only pages */
#define X86_CR0_PG _BITUL(31)	/* paging */

/* CR4 */
#define X86_CR4_PAE _BITUL(5)	/* 64-bit entries; required for long mode */
#define X86_CR4_PGE _BITUL(7)	/* honour _PAGE_GLOBAL in leaf entries */
#define X86_CR4_OSFXSR _BITUL(9)	/* fxsave/fxrstor and SSE instructions */
#define X86_CR4_OSXMMEXCPT _BITUL(10)	/* unmasked SSE exceptions raise #XM */
#define X86_CR4_SMEP _BITUL(20)	/* ring 0 may not execute user pages */
#define X86_CR4_SMAP _BITUL(21)	/* ring 0 may not access user pages unless AC */

/* EFER (MSR_EFER) */
#define EFER_SCE _BITUL(0)	/* syscall/sysret enable */
#define EFER_LME _BITUL(8)	/* long mode enable */
#define EFER_NXE _BITUL(11)	/* bit 63 of entries is no-execute */

/* RFLAGS */
#define X86_EFLAGS_FIXED _BITUL(1)	/* always reads as 1 */
#define X86_EFLAGS_TF _BITUL(8)	/* single-step trap */
#define X86_EFLAGS_IF _BITUL(9)	/* maskable interrupts enabled */
#define X86_EFLAGS_DF _BITUL(10)	/* string instructions count down */
#define X86_EFLAGS_IOPL _AC(0x3000, UL)	/* I/O privilege level (2 bits) */
#define X86_EFLAGS_NT _BITUL(14)	/* nested task */
#define X86_EFLAGS_RF _BITUL(16)	/* resume: suppress one debug fault */
#define X86_EFLAGS_AC _BITUL(18)	/* alignment check; SMAP override */

#endif
