/*
 * The parts of the Multiboot2 specification (version 2.0) this kernel uses:
 * the header GRUB looks for in head.S and the boot information it passes.
 *
 * Boot information, 8-byte aligned, at the physical address in %ebx:
 *
 *   +------------+----------+----------------------------------------+
 *   | total_size | reserved | tag, tag, ... , end tag (type 0)       |
 *   +------------+----------+----------------------------------------+
 *     each tag: u32 type, u32 size (excluding padding), payload,
 *     padded to 8 bytes
 */
#ifndef ASM_MULTIBOOT2_H
#define ASM_MULTIBOOT2_H

#define MULTIBOOT2_HEADER_MAGIC 0xe85250d6
#define MULTIBOOT2_ARCH_I386 0		/* 32-bit protected mode entry */
#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289	/* in %eax at entry */

/* Header tags (in the kernel image). */
#define MULTIBOOT2_HEADER_TAG_END 0
#define MULTIBOOT2_HEADER_TAG_ENTRY_ADDRESS 3

/* Boot information tags (from the loader). */
#define MULTIBOOT2_TAG_END 0
#define MULTIBOOT2_TAG_CMDLINE 1
#define MULTIBOOT2_TAG_MODULE 3
#define MULTIBOOT2_TAG_MMAP 6
#define MULTIBOOT2_MEMORY_AVAILABLE 1
#define MULTIBOOT2_TAG_ALIGN 8

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct mb2_info {
	u32 total_size;
	u32 reserved;
};

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_string {		/* MULTIBOOT2_TAG_CMDLINE */
	struct mb2_tag tag;
	char string[];
};

struct mb2_tag_module {		/* MULTIBOOT2_TAG_MODULE */
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct mb2_tag_mmap {		/* MULTIBOOT2_TAG_MMAP */
	struct mb2_tag tag;
	u32 entry_size;		/* may grow: step by this, not sizeof */
	u32 entry_version;
	struct mb2_mmap_entry entries[];
};
#endif

#endif
