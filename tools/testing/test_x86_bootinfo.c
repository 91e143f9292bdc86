/*
 * Host tests for arch/x86_64/kernel/bootinfo.c: hand-built Multiboot2 and
 * PVH information blocks in a small fake low memory, parsed into a
 * struct boot_info the way GRUB's and QEMU's would be.
 */
#include <kernel/boot.h>
#include <mm/arch.h>
#include <asm/bootinfo.h>
#include <asm/multiboot2.h>
#include <asm/pvh.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

/* Fake physical memory [LOW_BASE, LOW_BASE + LOW_SIZE): where loaders put their data. */
#define LOW_BASE 0x10000UL
#define LOW_SIZE 0x4000UL

static _Alignas(8) unsigned char low_mem[LOW_SIZE];

void *host_phys_to_virt(phys_addr_t pa)
{
	if (pa < LOW_BASE || pa >= LOW_BASE + LOW_SIZE) {
		fprintf(stderr, "__va(%#lx): outside fake memory\n", pa);
		abort();
	}
	return low_mem + (pa - LOW_BASE);
}

phys_addr_t host_virt_to_phys(const void *va)
{
	return LOW_BASE + (phys_addr_t)((const unsigned char *)va - low_mem);
}

static struct boot_info bi;

static void reset(void)
{
	memset(low_mem, 0, sizeof(low_mem));
	memset(&bi, 0, sizeof(bi));
}

/* --- a Multiboot2 information block builder --- */
static size_t mb2_len;

static void *mb2_tag(u32 type, u32 size)
{
	struct mb2_tag *t = (void *)(low_mem + mb2_len);

	t->type = type;
	t->size = size;
	mb2_len += ALIGN(size, MULTIBOOT2_TAG_ALIGN);
	return t;
}

static void mb2_begin(void)
{
	mb2_len = sizeof(struct mb2_info);
}

static phys_addr_t mb2_end(void)
{
	struct mb2_info *info = (void *)low_mem;

	mb2_tag(MULTIBOOT2_TAG_END, sizeof(struct mb2_tag));
	info->total_size = mb2_len;
	return LOW_BASE;
}

static void mb2_cmdline(const char *s)
{
	struct mb2_tag_string *t = mb2_tag(MULTIBOOT2_TAG_CMDLINE, sizeof(*t) + strlen(s) + 1);

	strcpy(t->string, s);
}

static void mb2_module(u32 start, u32 end)
{
	struct mb2_tag_module *m = mb2_tag(MULTIBOOT2_TAG_MODULE, sizeof(*m) + 1);

	m->mod_start = start;
	m->mod_end = end;
}

/* entry_size may exceed the struct (the spec lets entries grow). */
static void mb2_mmap(u32 entry_size, const struct mb2_mmap_entry *e, int n)
{
	struct mb2_tag_mmap *t = mb2_tag(MULTIBOOT2_TAG_MMAP, sizeof(*t) + n * entry_size);
	int i;

	t->entry_size = entry_size;
	for (i = 0; i < n; i++)
		memcpy((unsigned char *)t->entries + i * entry_size, &e[i], sizeof(*e));
}

static const struct mb2_mmap_entry pc_map[] = {
	{ 0x0, 0x9fc00, MULTIBOOT2_MEMORY_AVAILABLE, 0 },
	{ 0x9fc00, 0x400, 2, 0 },			/* reserved */
	{ 0x100000, 0x1fee0000, MULTIBOOT2_MEMORY_AVAILABLE, 0 },
	{ 0xfffc0000, 0x40000, 2, 0 },
	{ 0x100000000, 0x40000000, MULTIBOOT2_MEMORY_AVAILABLE, 0 },
};

TEST(multiboot2_reads_available_ranges_cmdline_and_first_module)
{
	reset();
	mb2_begin();
	mb2_cmdline("selftest console=ttyS0");
	mb2_mmap(sizeof(struct mb2_mmap_entry), pc_map, 5);
	mb2_module(0x3000000, 0x3001234);
	mb2_module(0x4000000, 0x4000010);
	multiboot2_parse(&bi, mb2_end());

	CHECK(!strcmp(bi.loader, "multiboot2"), "loader is %s", bi.loader);
	CHECK(!strcmp(bi.cmdline, "selftest console=ttyS0"), "cmdline '%s'", bi.cmdline);
	CHECK(bi.nr_mem == 3, "only type-1 ranges are RAM: got %d", bi.nr_mem);
	CHECK(bi.mem[1].base == 0x100000 && bi.mem[1].size == 0x1fee0000,
	      "second range %#lx+%#lx", bi.mem[1].base, bi.mem[1].size);
	CHECK(bi.mem[2].base == 0x100000000, "ranges above 4 GiB are kept");
	CHECK(bi.initrd_base == 0x3000000 && bi.initrd_size == 0x1234,
	      "the first module is the initrd: %#lx+%#lx", bi.initrd_base, bi.initrd_size);
}

TEST(multiboot2_steps_through_the_map_by_entry_size)
{
	reset();
	mb2_begin();
	mb2_mmap(40, pc_map, 5);
	multiboot2_parse(&bi, mb2_end());

	CHECK(bi.nr_mem == 3, "40-byte entries: found %d RAM ranges", bi.nr_mem);
	CHECK(bi.mem[2].base == 0x100000000, "last entry read at the right stride");
	CHECK(bi.cmdline[0] == '\0' && bi.initrd_base == 0, "absent tags leave defaults");
}

TEST(multiboot2_truncates_a_long_cmdline)
{
	char longline[BOOT_CMDLINE_MAX + 100];

	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = '\0';
	reset();
	mb2_begin();
	mb2_cmdline(longline);
	multiboot2_parse(&bi, mb2_end());
	CHECK(strlen(bi.cmdline) == BOOT_CMDLINE_MAX - 1, "cmdline length %zu",
	      strlen(bi.cmdline));
}

TEST(multiboot2_panics_on_a_tag_too_small_to_advance)
{
	reset();
	mb2_begin();
	mb2_tag(MULTIBOOT2_TAG_CMDLINE, 4);	/* would loop forever */
	EXPECT_PANIC(multiboot2_parse(&bi, mb2_end()));
}

TEST(multiboot2_panics_on_info_beyond_the_early_map)
{
	reset();
	EXPECT_PANIC(multiboot2_parse(&bi, EARLY_MAP_END - 4));
}

/* --- PVH --- */
#define PVH_INFO_PA LOW_BASE
#define PVH_MAP_PA (LOW_BASE + 0x100)
#define PVH_MODS_PA (LOW_BASE + 0x200)
#define PVH_CMDLINE_PA (LOW_BASE + 0x300)

static struct hvm_start_info *pvh_build(void)
{
	struct hvm_start_info *si = host_phys_to_virt(PVH_INFO_PA);
	struct hvm_memmap_table_entry *map = host_phys_to_virt(PVH_MAP_PA);

	reset();
	si->magic = XEN_HVM_START_MAGIC;
	si->version = 1;
	si->memmap_paddr = PVH_MAP_PA;
	si->memmap_entries = 3;
	map[0] = (struct hvm_memmap_table_entry){ 0, 0x9fc00, XEN_HVM_MEMMAP_TYPE_RAM, 0 };
	map[1] = (struct hvm_memmap_table_entry){ 0xf0000, 0x10000, 2, 0 };
	map[2] = (struct hvm_memmap_table_entry){ 0x100000, 0x1fee0000,
						  XEN_HVM_MEMMAP_TYPE_RAM, 0 };
	return si;
}

TEST(pvh_reads_ram_ranges_cmdline_and_first_module)
{
	struct hvm_start_info *si = pvh_build();
	struct hvm_modlist_entry *mods = host_phys_to_virt(PVH_MODS_PA);

	strcpy(host_phys_to_virt(PVH_CMDLINE_PA), "selftest=fault");
	si->cmdline_paddr = PVH_CMDLINE_PA;
	si->nr_modules = 1;
	si->modlist_paddr = PVH_MODS_PA;
	mods[0].paddr = 0x1f000000;
	mods[0].size = 4096;
	pvh_parse(&bi, PVH_INFO_PA);

	CHECK(!strcmp(bi.loader, "pvh"), "loader is %s", bi.loader);
	CHECK(!strcmp(bi.cmdline, "selftest=fault"), "cmdline '%s'", bi.cmdline);
	CHECK(bi.nr_mem == 2, "only E820 RAM counts: got %d ranges", bi.nr_mem);
	CHECK(bi.mem[1].base == 0x100000 && bi.mem[1].size == 0x1fee0000,
	      "second range %#lx+%#lx", bi.mem[1].base, bi.mem[1].size);
	CHECK(bi.initrd_base == 0x1f000000 && bi.initrd_size == 4096, "initrd %#lx+%#lx",
	      bi.initrd_base, bi.initrd_size);
}

TEST(pvh_without_cmdline_or_modules_leaves_them_empty)
{
	pvh_build();
	pvh_parse(&bi, PVH_INFO_PA);
	CHECK(bi.cmdline[0] == '\0', "cmdline '%s'", bi.cmdline);
	CHECK(bi.initrd_base == 0 && bi.initrd_size == 0, "no initrd");
}

TEST(pvh_panics_on_bad_magic)
{
	pvh_build()->magic = 0x12345678;
	EXPECT_PANIC(pvh_parse(&bi, PVH_INFO_PA));
}

TEST(pvh_panics_without_a_memory_map)
{
	pvh_build()->version = 0;	/* version 0 has no memmap fields */
	EXPECT_PANIC(pvh_parse(&bi, PVH_INFO_PA));
}

TEST(pvh_panics_on_a_memory_map_beyond_the_early_map)
{
	pvh_build()->memmap_paddr = EARLY_MAP_END;
	EXPECT_PANIC(pvh_parse(&bi, PVH_INFO_PA));
}
