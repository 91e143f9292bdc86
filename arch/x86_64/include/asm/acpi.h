/*
 * What the firmware tables say about the interrupt hardware and the CPUs
 * (acpi.c): the ACPI MADT ("APIC" table) or, without ACPI, the Intel
 * MultiProcessor table. Read once in arch_late_init().
 */
#ifndef ASM_ACPI_H
#define ASM_ACPI_H

#include <kernel/cpu.h>

#define ISA_IRQS 16

/* Interrupt source override flags (ACPI MPS INTI flags, also the MP table's). */
#define MPS_INTI_POLARITY_MASK 0x3
#define MPS_INTI_POLARITY_LOW 0x3	/* active low */
#define MPS_INTI_TRIGGER_MASK 0xc
#define MPS_INTI_TRIGGER_LEVEL 0xc	/* level triggered */

struct x86_platform_info {
	int nr_cpus;			/* usable CPUs found, <= NR_CPUS */
	u32 apic_id[NR_CPUS];		/* local APIC id of CPU n; n = 0 is the boot CPU */
	phys_addr_t io_apic_pa;		/* the first I/O APIC */
	u32 io_apic_gsi_base;		/* global system interrupt of its pin 0 */
	u32 isa_gsi[ISA_IRQS];		/* ISA IRQ n arrives on this GSI */
	u16 isa_flags[ISA_IRQS];	/* MPS_INTI_* of that line (0: ISA default) */
	const char *source;		/* "ACPI", "MP table" or "defaults" */
};

extern struct x86_platform_info x86_platform;

/*
 * Fill x86_platform from the MADT (RSDP from the boot loader, x86_boot_rsdp,
 * else searched in the EBDA and the BIOS area), else from the MP table,
 * else with the PC defaults (one CPU, I/O APIC at 0xfec00000). Needs
 * ioremap() and the boot CPU's local APIC (lapic_id()).
 */
void acpi_init(void);

#endif
