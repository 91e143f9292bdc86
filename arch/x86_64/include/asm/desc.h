/*
 * Descriptor tables: the GDT with its TSS (gdt.c) and the IDT (idt.c).
 */
#ifndef ASM_DESC_H
#define ASM_DESC_H

#include <kernel/cpu.h>

/* Interrupt stack table slots (1-based in the gate, as the CPU counts). */
#define IST_DOUBLE_FAULT 1

/* The 64-bit task state segment (Intel SDM vol. 3, 8.7). */
struct tss_struct {
	u32 reserved0;
	u64 rsp[3];	/* stack for an interrupt raising CPL to 0, 1, 2 */
	u64 reserved1;
	u64 ist[7];	/* interrupt stack table: ist[n - 1] is IST slot n */
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;	/* past the limit: no I/O permission bitmap */
} __packed;

/* CPU n's TSS; rsp[0] is set at every context switch (process.c). */
extern struct tss_struct cpu_tss[NR_CPUS];

/* Operand of lgdt/lidt. */
struct desc_ptr {
	u16 size;	/* limit: table size in bytes - 1 */
	u64 address;
} __packed;

/*
 * Load the kernel GDT and TSS and reload every segment register. Runs
 * once on the boot CPU before anything can trap.
 */
void gdt_init(void);
/* The same for CPU cpu, with the ring-0 stack rsp0; on that CPU, once. */
void gdt_init_cpu(int cpu, unsigned long rsp0);

/* Point all 256 vectors at the entry.S stubs and load the IDT (boot CPU). */
void idt_init(void);
/* Load the shared IDT on a secondary CPU. */
void idt_load(void);

#endif
