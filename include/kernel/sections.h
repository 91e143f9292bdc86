/*
 * Symbols every linker script (arch/<name>/kernel.ld) defines, in this order:
 *
 *   _text ... _etext            code                 mapped RX
 *   __rodata_start ... __rodata_end   read-only data (incl. .ktests)  R, NX
 *   _data ... _edata, __bss_start ... _end   data and bss   RW, NX
 *
 * Each boundary is page aligned so the kernel page tables can give every
 * part its own permissions (W^X).
 */
#ifndef KERNEL_SECTIONS_H
#define KERNEL_SECTIONS_H

extern char _text[], _etext[];
extern char __rodata_start[], __rodata_end[];
extern char _data[], _edata[], __bss_start[], _end[];

#endif
