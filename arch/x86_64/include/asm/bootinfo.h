/*
 * Translating the boot loader's information into struct boot_info
 * (bootinfo.c): Multiboot2 from GRUB, the PVH start info from qemu -kernel.
 */
#ifndef ASM_BOOTINFO_H
#define ASM_BOOTINFO_H

#include <kernel/boot.h>
#include <kernel/compiler.h>

/* What head.S maps through the direct map before the final page tables. */
#define EARLY_MAP_END SZ_1G

/*
 * Fill bi's memory map, command line, initrd (the first module) and loader
 * name from the information block at info_pa, read through __va(). Panics
 * on a malformed block or one that lies beyond EARLY_MAP_END.
 */
void multiboot2_parse(struct boot_info *bi, phys_addr_t info_pa);
/* Physical address of the ACPI RSDP the boot loader reported (PVH), or 0. */
extern phys_addr_t x86_boot_rsdp;

void pvh_parse(struct boot_info *bi, phys_addr_t start_info_pa);

#endif
