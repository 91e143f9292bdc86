/*
 * Boot loader information -> struct boot_info, for both ways this kernel
 * is entered: Multiboot2 (GRUB) and PVH (qemu -kernel). Pure C over
 * __va(), so host tests can feed it hand-made blocks.
 */
#include <kernel/printk.h>
#include <mm/arch.h>
#include <asm/bootinfo.h>
#include <asm/multiboot2.h>
#include <asm/pvh.h>

phys_addr_t x86_boot_rsdp;

/*
 * Boot-loader data is read through the early direct map. Returns the
 * virtual address of [pa, pa + size); panics if that is not mapped.
 */
static const void *boot_ptr(u64 pa, u64 size, const char *what)
{
	if (pa + size < pa || pa + size > EARLY_MAP_END)
		panic("boot: %s at %#lx+%#lx is beyond the early map", what, pa, size);
	return __va(pa);
}

static void boot_set_cmdline(struct boot_info *bi, u64 pa)
{
	const char *s = boot_ptr(pa, 1, "command line");

	snprintf(bi->cmdline, sizeof(bi->cmdline), "%s", s);
}

static void parse_mb2_mmap(struct boot_info *bi, const struct mb2_tag_mmap *mmap)
{
	const u8 *p = (const u8 *)mmap->entries;
	const u8 *end = (const u8 *)mmap + mmap->tag.size;

	if (mmap->entry_size < sizeof(struct mb2_mmap_entry))
		panic("multiboot2: memory map entry size %u", mmap->entry_size);
	for (; p + mmap->entry_size <= end; p += mmap->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		if (e->type == MULTIBOOT2_MEMORY_AVAILABLE)
			boot_add_mem(bi, e->addr, e->len);
	}
}

void multiboot2_parse(struct boot_info *bi, phys_addr_t pa)
{
	const struct mb2_info *info = boot_ptr(pa, sizeof(*info), "multiboot2 info");
	const u8 *p = (const u8 *)(info + 1);
	const u8 *end = (const u8 *)boot_ptr(pa, info->total_size, "multiboot2 info") +
			info->total_size;

	bi->loader = "multiboot2";
	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)p;

		if (tag->type == MULTIBOOT2_TAG_END)
			break;
		if (tag->size < sizeof(*tag) || p + tag->size > end)
			panic("multiboot2: bad tag type %u size %u", tag->type, tag->size);
		switch (tag->type) {
		case MULTIBOOT2_TAG_CMDLINE:
			snprintf(bi->cmdline, sizeof(bi->cmdline), "%s",
				 ((const struct mb2_tag_string *)tag)->string);
			break;
		case MULTIBOOT2_TAG_MODULE:
			if (!bi->initrd_base) {
				const struct mb2_tag_module *m = (const void *)tag;

				bi->initrd_base = m->mod_start;
				bi->initrd_size = m->mod_end - m->mod_start;
			}
			break;
		case MULTIBOOT2_TAG_MMAP:
			parse_mb2_mmap(bi, (const void *)tag);
			break;
		}
		p += ALIGN(tag->size, MULTIBOOT2_TAG_ALIGN);
	}
}

/* The memory map is only in start info version >= 1 (QEMU provides it). */
void pvh_parse(struct boot_info *bi, phys_addr_t pa)
{
	const struct hvm_start_info *si = boot_ptr(pa, sizeof(*si), "PVH start info");
	const struct hvm_memmap_table_entry *map;
	u32 i;

	if (si->magic != XEN_HVM_START_MAGIC)
		panic("pvh: bad start info magic %#x", si->magic);
	bi->loader = "pvh";
	x86_boot_rsdp = si->rsdp_paddr;
	if (si->cmdline_paddr)
		boot_set_cmdline(bi, si->cmdline_paddr);
	if (si->nr_modules) {
		const struct hvm_modlist_entry *m =
			boot_ptr(si->modlist_paddr, sizeof(*m), "PVH module list");

		bi->initrd_base = m->paddr;
		bi->initrd_size = m->size;
	}
	if (si->version < 1 || !si->memmap_paddr)
		panic("pvh: start info version %u has no memory map", si->version);
	map = boot_ptr(si->memmap_paddr, (u64)si->memmap_entries * sizeof(*map),
		       "PVH memory map");
	for (i = 0; i < si->memmap_entries; i++)
		if (map[i].type == XEN_HVM_MEMMAP_TYPE_RAM)
			boot_add_mem(bi, map[i].addr, map[i].size);
}
