/*
 * GDT layout and segment selectors (shared by head.S, entry.S and gdt.c).
 *
 *   index  selector  descriptor
 *     0      0x00    null
 *     1      0x08    kernel code, 64-bit        __KERNEL_CS
 *     2      0x10    kernel data                __KERNEL_DS
 *     3      0x18    null: base of the sysret layout (STAR[63:48])
 *     4      0x23    user data                  __USER_DS
 *     5      0x2b    user code, 64-bit          __USER_CS
 *     6-7    0x30    64-bit TSS (16 bytes)      __TSS_SEL
 *
 * syscall loads CS = STAR[47:32] and SS = CS + 8 (kernel code, data);
 * sysret loads SS = STAR[63:48] + 8 and CS = STAR[63:48] + 16, which is why
 * user data sits just below user code.
 */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_SYSRET_BASE 3
#define GDT_ENTRY_USER_DS 4
#define GDT_ENTRY_USER_CS 5
#define GDT_ENTRY_TSS 6
#define GDT_ENTRIES 8

#define SEGMENT_RPL_USER 3
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER_DS (GDT_ENTRY_USER_DS * 8 + SEGMENT_RPL_USER)
#define __USER_CS (GDT_ENTRY_USER_CS * 8 + SEGMENT_RPL_USER)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)

/*
 * Raw descriptors (Intel SDM vol. 3, 3.4.5), also used by head.S:
 *
 *   63   56 55 54 53 52 51  48 47 46 45 44 43  40 39   16 15    0
 *  +-------+--+--+--+--+------+--+-----+--+------+-------+-------+
 *  |base hi| G|DB| L|  |lim hi| P| DPL | S| type |base lo|lim lo |
 *  +-------+--+--+--+--+------+--+-----+--+------+-------+-------+
 *
 * Code: G=1, L=1 (64-bit), P=1, S=1, type=0xa (execute/read).
 * Data: G=1, DB=1, P=1, S=1, type=0x2 (read/write).
 * Base and limit are ignored in 64-bit mode except for fs/gs bases.
 */
#define GDT_DESC_KERNEL_CODE64 0x00af9a000000ffff
#define GDT_DESC_KERNEL_DATA 0x00cf92000000ffff
#define GDT_DESC_USER_CODE64 0x00affa000000ffff	/* as kernel code, DPL 3 */
#define GDT_DESC_USER_DATA 0x00cff2000000ffff	/* as kernel data, DPL 3 */

#endif
