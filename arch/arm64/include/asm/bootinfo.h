/*
 * Filling struct boot_info from the device tree (arch/arm64/kernel/bootinfo.c).
 */
#ifndef ASM_BOOTINFO_H
#define ASM_BOOTINFO_H

#include <kernel/boot.h>

/*
 * Fill bi from the valid (fdt_check()ed) blob fdt, which the boot loader
 * put at physical dtb_pa: loader and dtb; the command line and initrd from
 * /chosen; RAM from every device_type = "memory" node; reserved: the
 * memory reservation block, the /reserved-memory children with a "reg",
 * and the blob itself. Ranges beyond BOOT_MAX_RANGES are dropped.
 */
void boot_info_from_fdt(const void *fdt, phys_addr_t dtb_pa, struct boot_info *bi);

#endif
