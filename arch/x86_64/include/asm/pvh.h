/*
 * The Xen PVH boot protocol, as QEMU's -kernel implements it for an ELF
 * kernel with a XEN_ELFNOTE_PHYS32_ENTRY note: entry in 32-bit protected
 * mode, paging off, %ebx = physical address of struct hvm_start_info.
 * (xen/include/public/arch-x86/hvm/start_info.h)
 */
#ifndef ASM_PVH_H
#define ASM_PVH_H

#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define XEN_HVM_START_MAGIC 0x336ec578
#define XEN_HVM_MEMMAP_TYPE_RAM 1	/* E820 type 1 */

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct hvm_start_info {
	u32 magic;		/* XEN_HVM_START_MAGIC */
	u32 version;		/* memmap_* are valid from version 1 */
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;	/* struct hvm_modlist_entry[nr_modules] */
	u64 cmdline_paddr;	/* NUL-terminated, 0 if none */
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* struct hvm_memmap_table_entry[] */
	u32 memmap_entries;
	u32 reserved;
};

struct hvm_modlist_entry {
	u64 paddr;
	u64 size;
	u64 cmdline_paddr;
	u64 reserved;
};

struct hvm_memmap_table_entry {
	u64 addr;
	u64 size;
	u32 type;
	u32 reserved;
};
#endif

#endif
