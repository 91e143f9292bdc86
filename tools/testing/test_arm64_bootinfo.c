/*
 * Host tests for arch/arm64/kernel/bootinfo.c: the struct boot_info the
 * arm64 kernel builds from the device trees in data/ (QEMU virt as QEMU
 * passes it, the Raspberry Pi 3 and 4 trees as Debian ships them, and
 * as the Pi firmware / QEMU raspi3b fill in their memory nodes).
 */
#include <kernel/boot.h>
#include <kernel/compiler.h>
#include <kernel/fdt.h>
#include <asm/bootinfo.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define DTB_PA 0x48000000UL	/* where QEMU virt puts the DTB with -m 512M */

static struct boot_info bi;

/* Reads data/<name> into a heap buffer; aborts if it is missing or invalid. */
static void *load(const char *name, size_t *size)
{
	char path[512];
	void *fdt;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", FDT_DATA_DIR, name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "test_arm64_bootinfo: cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	*size = (size_t)ftell(f);
	rewind(f);
	fdt = malloc(*size);
	if (!fdt || fread(fdt, 1, *size, f) != *size || fdt_check(fdt, *size))
		abort();
	fclose(f);
	return fdt;
}

static void parse(const char *name)
{
	size_t size;
	void *fdt = load(name, &size);

	memset(&bi, 0, sizeof(bi));
	boot_info_from_fdt(fdt, DTB_PA, &bi);
	free(fdt);
}

static bool has_reserved(phys_addr_t base, u64 size)
{
	int i;

	for (i = 0; i < bi.nr_reserved; i++)
		if (bi.reserved[i].base == base && bi.reserved[i].size == size)
			return true;
	return false;
}

TEST(virt_memory_is_the_one_ram_node)
{
	parse("qemu-virt-gicv2-smp2.dtb");
	CHECK(bi.nr_mem == 1, "one memory node, got %d ranges", bi.nr_mem);
	CHECK(bi.mem[0].base == 0x40000000 && bi.mem[0].size == 512UL << 20,
	      "RAM at 1 GiB, -m 512M: got %#lx+%#lx", (unsigned long)bi.mem[0].base,
	      (unsigned long)bi.mem[0].size);
}

TEST(virt_reserves_only_the_dtb)
{
	size_t size;
	void *fdt = load("qemu-virt-gicv2-smp2.dtb", &size);

	parse("qemu-virt-gicv2-smp2.dtb");
	CHECK(bi.nr_reserved == 1, "no memreserve/reserved-memory: %d ranges", bi.nr_reserved);
	CHECK(has_reserved(DTB_PA, fdt_totalsize(fdt)), "the blob itself is reserved");
	free(fdt);
}

TEST(virt_loader_fields)
{
	parse("qemu-virt-gicv2-smp2.dtb");
	CHECK(!strcmp(bi.loader, "dtb") && bi.dtb == DTB_PA, "loader dtb at DTB_PA");
	CHECK(bi.cmdline[0] == '\0', "the dump has no bootargs: \"%s\"", bi.cmdline);
	CHECK(bi.initrd_base == 0 && bi.initrd_size == 0, "no initrd");
}

TEST(pi4_memreserve_block_and_empty_memory_node)
{
	parse("bcm2711-rpi-4-b.dtb");
	/* The firmware fills memory@0 in; unfilled, it is <0 0 0>: no RAM. */
	CHECK(bi.nr_mem == 0, "size-0 memory range kept: %d", bi.nr_mem);
	CHECK(has_reserved(0, 0x1000), "memreserve 0+0x1000 (spin tables) reserved");
	/* linux,cma has only a size, nvram@0 a zero-size reg: neither reserved. */
	CHECK(bi.nr_reserved == 2, "memreserve + DTB only, got %d", bi.nr_reserved);
}

TEST(pi3_memory_uses_one_address_cell)
{
	parse("bcm2837-rpi-3-b.dtb");
	CHECK(bi.nr_mem == 1 && bi.mem[0].base == 0 && bi.mem[0].size == 0x40000000,
	      "memory@0 <0 0x40000000> with 1+1 cells: %d ranges", bi.nr_mem);
	CHECK(has_reserved(0, 0x1000), "memreserve 0+0x1000 reserved");
}

/* Big-endian 32-bit field at byte offset off of the blob. */
static u32 be32_at(const void *fdt, size_t off)
{
	const unsigned char *p = (const unsigned char *)fdt + off;

	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void be32_put(void *fdt, size_t off, u32 v)
{
	unsigned char *p = (unsigned char *)fdt + off;

	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

#define FDT_HDR_TOTALSIZE 4
#define FDT_HDR_OFF_STRINGS 12
#define FDT_HDR_SIZE_STRUCT 36

/*
 * What the Pi firmware does to the tree before the kernel sees it: replace
 * property name of node path with n big-endian cells, growing the structure
 * block (the strings block after it moves). Returns the new blob.
 */
static void *set_cells(void *fdt, const char *path, const char *name, const u32 *cells, int n)
{
	int node = fdt_path_offset(fdt, path), old_len;
	const void *val = fdt_getprop(fdt, node, name, &old_len);
	size_t total = fdt_totalsize(fdt), at, old_sz = ALIGN(old_len, 4), new_sz = ALIGN(4 * n, 4);
	ssize_t delta = (ssize_t)new_sz - (ssize_t)old_sz;
	int i;

	if (node < 0 || !val)
		abort();
	at = (size_t)((const char *)val - (const char *)fdt);
	fdt = realloc(fdt, total + (delta > 0 ? delta : 0));
	if (!fdt)
		abort();
	memmove((char *)fdt + at + new_sz, (char *)fdt + at + old_sz, total - at - old_sz);
	be32_put(fdt, at - 8, 4 * n);			/* the property's len */
	for (i = 0; i < n; i++)
		be32_put(fdt, at + 4 * i, cells[i]);
	be32_put(fdt, FDT_HDR_TOTALSIZE, total + delta);
	be32_put(fdt, FDT_HDR_OFF_STRINGS, be32_at(fdt, FDT_HDR_OFF_STRINGS) + delta);
	be32_put(fdt, FDT_HDR_SIZE_STRUCT, be32_at(fdt, FDT_HDR_SIZE_STRUCT) + delta);
	if (fdt_check(fdt, total + delta))
		abort();
	return fdt;
}

TEST(pi4_8gb_memory_as_the_firmware_fills_it)
{
	/* <addr-hi addr-lo size>: below the VideoCore's share, up to the
	 * peripheral window at 0xfc000000, and the 4 GiB above 4 GiB. */
	static const u32 reg[] = {
		0, 0x00000000, 0x3b400000,
		0, 0x40000000, 0xbc000000,
		1, 0x00000000, 0x80000000,
		1, 0x80000000, 0x80000000,
	};
	size_t size;
	void *fdt = set_cells(load("bcm2711-rpi-4-b.dtb", &size), "/memory@0", "reg", reg,
			      ARRAY_SIZE(reg));

	memset(&bi, 0, sizeof(bi));
	boot_info_from_fdt(fdt, DTB_PA, &bi);
	CHECK(bi.nr_mem == 4, "four RAM ranges, got %d", bi.nr_mem);
	CHECK(bi.mem[0].base == 0 && bi.mem[0].size == 0x3b400000, "low RAM");
	CHECK(bi.mem[1].base == 0x40000000 && bi.mem[1].size == 0xbc000000,
	      "RAM above 1 GiB, up to the low peripheral window");
	CHECK(bi.mem[1].base + bi.mem[1].size == 0xfc000000, "ends at 0xfc000000");
	CHECK(bi.mem[2].base == 0x100000000ULL && bi.mem[3].base == 0x180000000ULL &&
	      bi.mem[3].size == 0x80000000, "RAM above 4 GiB");
	CHECK(has_reserved(0, 0x1000), "spin-table page still reserved");
	CHECK(has_reserved(DTB_PA, fdt_totalsize(fdt)), "the grown blob is reserved");
	free(fdt);
}

TEST(raspi3b_memory_as_qemu_fills_it)
{
	/* QEMU raspi3b: 1 GiB minus the VideoCore's 64 MiB. */
	static const u32 reg[] = { 0, 0x3c000000 };
	size_t size;
	void *fdt = set_cells(load("bcm2837-rpi-3-b.dtb", &size), "/memory@0", "reg", reg,
			      ARRAY_SIZE(reg));

	memset(&bi, 0, sizeof(bi));
	boot_info_from_fdt(fdt, DTB_PA, &bi);
	CHECK(bi.nr_mem == 1 && bi.mem[0].base == 0 && bi.mem[0].size == 0x3c000000,
	      "960 MiB at 0, below the peripherals at 0x3f000000");
	free(fdt);
}
