/*
 * Host tests for arch/arm64/kernel/bootinfo.c: the struct boot_info the
 * arm64 kernel builds from the device trees in data/ (QEMU virt as QEMU
 * passes it, the Raspberry Pi 3 and 4 trees as Debian ships them, before
 * the firmware fills in their memory nodes).
 */
#include <kernel/boot.h>
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
