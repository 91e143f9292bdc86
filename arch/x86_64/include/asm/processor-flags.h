/*
 * Bits of the x86-64 control registers, EFER and RFLAGS that this kernel
 * sets or tests (Intel SDM vol. 3, 2.5 and 2.2.1). Usable from assembly.
 *
 *   CR0:  31  16       0          CR4:  7   5
 *        +--+--+-...-+--+              +---+--+--+--+--+--+
 *        |PG|WP|     |PE|              |PGE|  |PAE|  ...  |
 *        +--+--+-...-+--+              +---+--+--+--+--+--+
 */
#ifndef ASM_PROCESSOR_FLAGS_H
#define ASM_PROCESSOR_FLAGS_H

#include <asm/const.h>

/* CR0 */
#define X86_CR0_PE _BITUL(0)	/* protected mode */
#define X86_CR0_WP _BITUL(16)	/* ring 0 honours read-only pages */
#define X86_CR0_PG _BITUL(31)	/* paging */

/* CR4 */
#define X86_CR4_PAE _BITUL(5)	/* 64-bit entries; required for long mode */
#define X86_CR4_PGE _BITUL(7)	/* honour _PAGE_GLOBAL in leaf entries */

/* EFER (MSR_EFER) */
#define EFER_LME _BITUL(8)	/* long mode enable */
#define EFER_NXE _BITUL(11)	/* bit 63 of entries is no-execute */

/* RFLAGS */
#define X86_EFLAGS_IF _BITUL(9)	/* maskable interrupts enabled */

#endif
