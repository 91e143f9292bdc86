/*
 * struct boot_info: what the architecture's boot code learned from the boot
 * loader (multiboot2, PVH start info or the flattened device tree) and hands
 * to start_kernel(). All addresses are physical.
 */
#ifndef KERNEL_BOOT_H
#define KERNEL_BOOT_H

#include <kernel/types.h>

#define BOOT_MAX_RANGES 32
#define BOOT_CMDLINE_MAX 512

struct mem_range {
	phys_addr_t base;
	u64 size;
};

struct boot_info {
	struct mem_range mem[BOOT_MAX_RANGES];	/* usable RAM */
	int nr_mem;
	struct mem_range reserved[BOOT_MAX_RANGES]; /* inside RAM but in use */
	int nr_reserved;
	char cmdline[BOOT_CMDLINE_MAX];
	phys_addr_t initrd_base;	/* 0 when there is none */
	u64 initrd_size;
	phys_addr_t dtb;		/* 0 when there is none (x86) */
	const char *loader;		/* "multiboot2", "pvh", "dtb" */
	/* Physical range the early direct map covers (memblock allocates
	 * only inside it until the final kernel page tables are loaded). */
	phys_addr_t early_map_base, early_map_end;
};

/* Add a range to bi->mem or bi->reserved; silently drops past BOOT_MAX_RANGES. */
void boot_add_mem(struct boot_info *bi, phys_addr_t base, u64 size);
void boot_add_reserved(struct boot_info *bi, phys_addr_t base, u64 size);

/* Kernel command line queries (kernel/cmdline.c). */
bool cmdline_has(const char *cmdline, const char *word);
/* Copies the value of "key=value" into buf; returns false if key is absent. */
bool cmdline_get(const char *cmdline, const char *key, char *buf, size_t len);

/* Generic kernel entry point, called by the arch boot code. */
void __attribute__((noreturn)) start_kernel(struct boot_info *bi);
extern struct boot_info boot_info;

#endif
