/*
 * Memory-manager start-up and summary (mm/init.c).
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <kernel/boot.h>

/*
 * Bring up the memory manager from the boot information: memblock, the
 * final kernel page tables (direct map + W^X kernel image), mem_map, the
 * buddy allocator and kmalloc. Runs once on the boot CPU, interrupts off.
 */
void mm_init(struct boot_info *bi);

/* Total RAM handed to the kernel, in bytes. */
u64 mm_total_ram(void);

#endif
