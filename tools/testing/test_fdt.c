/*
 * Host tests for lib/fdt.c. Real device trees (tools/testing/data/: QEMU
 * virt with GICv2, Raspberry Pi 4 and Pi 3) are checked for exactly what the
 * arm64 kernel will pick from them: RAM, console UART, interrupt
 * controllers, timer interrupts, CPU enable methods, reservations. Corrupt
 * blobs must be rejected with an error; every blob sits in an exactly-sized
 * heap buffer so AddressSanitizer catches any read past its end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <kernel/errno.h>
#include <kernel/fdt.h>

#include "host.h"

#ifndef FDT_DATA_DIR
#define FDT_DATA_DIR "data"
#endif

#define VIRT "qemu-virt-gicv2.dtb"		/* -m 256M, one CPU */
#define VIRT_SMP2 "qemu-virt-gicv2-smp2.dtb"	/* -m 512M -smp 2 */
#define RPI4 "bcm2711-rpi-4-b.dtb"
#define RPI3 "bcm2837-rpi-3-b.dtb"

/* Header field indices (each a be32) for corrupting copies. */
enum { H_MAGIC, H_TOTALSIZE, H_OFF_STRUCT, H_OFF_STRINGS, H_OFF_RSVMAP,
       H_VERSION, H_LAST_COMP, H_BOOT_CPU, H_SIZE_STRINGS, H_SIZE_STRUCT };

struct blob {
	unsigned char *fdt;
	size_t size;
};

/* Reads data/<name> into a heap buffer of exactly its size; aborts if missing. */
static struct blob load(const char *name)
{
	char path[512];
	struct blob b;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", FDT_DATA_DIR, name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "test_fdt: cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	b.size = (size_t)ftell(f);
	rewind(f);
	b.fdt = malloc(b.size);
	if (!b.fdt || fread(b.fdt, 1, b.size, f) != b.size)
		abort();
	fclose(f);
	return b;
}

static u32 be32_get(const unsigned char *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void be32_put(unsigned char *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static u32 hdr(const struct blob *b, int field)
{
	return be32_get(b->fdt + 4 * field);
}

static void set_hdr(struct blob *b, int field, u32 v)
{
	be32_put(b->fdt + 4 * field, v);
}

/* The node at path, reported if missing. */
static int node(const void *fdt, const char *path)
{
	int off = fdt_path_offset(fdt, path);

	CHECK(off >= 0, "%s not found: %d", path, off);
	return off;
}

/* CPU address of reg entry i of node (reg read, then translated). */
static u64 reg_cpu(const void *fdt, int off, int i, u64 *size)
{
	u64 addr = FDT_BAD_ADDR, sz = 0;

	CHECK(fdt_get_reg(fdt, off, i, &addr, &sz), "no reg entry %d at node %d",
	      i, off);
	if (size)
		*size = sz;
	return fdt_translate_address(fdt, off, addr);
}

static const char *prop_str(const void *fdt, int off, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, off, name, &len);

	if (!s || len <= 0 || s[len - 1] != '\0')
		return "(missing)";
	return s;
}

/* Interrupt index of node must be the three or two cells given. */
static void check_irq(const void *fdt, int off, int index, int n, u32 a, u32 b,
		      u32 c)
{
	u32 cells[FDT_MAX_NCELLS] = { 0 };
	int got = fdt_get_interrupt(fdt, off, index, cells, FDT_MAX_NCELLS);

	CHECK(got == n, "interrupt %d: %d cells, expected %d", index, got, n);
	CHECK(cells[0] == a && cells[1] == b && (n < 3 || cells[2] == c),
	      "interrupt %d: <%#x %#x %#x>, expected <%#x %#x %#x>", index,
	      cells[0], cells[1], cells[2], a, b, c);
}

/*
 * Visit every node and property through the public API. Returns 0 and the
 * counts, or the first error an accessor reported.
 */
static int walk_all(const void *fdt, int *nodes, int *props)
{
	int off = -1, depth = -1, prop, len;
	const char *name;

	*nodes = *props = 0;
	while ((off = fdt_next_node(fdt, off, &depth)) >= 0) {
		(*nodes)++;
		if (!fdt_get_name(fdt, off, &len))
			return len;
		fdt_for_each_property_offset(prop, fdt, off) {
			if (!fdt_getprop_by_offset(fdt, prop, &name, &len))
				return len;
			(*props)++;
		}
		if (prop != -ENOENT)
			return prop;
	}
	return off == -ENOENT ? 0 : off;
}

/* Call every lookup on every node; results are ignored (fuzzing aid). */
static void poke_everything(const void *fdt)
{
	u32 cells[FDT_MAX_NCELLS];
	int off = -1, n = 0, len;
	u64 a, s;

	fdt_chosen_stdout(fdt);
	fdt_path_offset(fdt, "serial0/x");
	fdt_path_offset(fdt, "/soc/serial");
	fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
	fdt_node_offset_by_phandle(fdt, 1);
	fdt_get_mem_rsv(fdt, 0, &a, &s);
	while ((off = fdt_next_node(fdt, off, NULL)) >= 0 && n++ < 64) {
		fdt_getprop(fdt, off, "compatible", &len);
		fdt_node_check_compatible(fdt, off, "simple-bus");
		fdt_first_child(fdt, off);
		fdt_next_sibling(fdt, off);
		if (fdt_get_reg(fdt, off, 0, &a, &s))
			fdt_translate_address(fdt, off, a);
		fdt_get_interrupt(fdt, off, 0, cells, FDT_MAX_NCELLS);
	}
}

/* ---- well-formed trees ---------------------------------------------- */

TEST(fdt_check_accepts_real_trees)
{
	const char *names[] = { VIRT, VIRT_SMP2, RPI4, RPI3 };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct blob b = load(names[i]);
		int err = fdt_check(b.fdt, b.size);

		CHECK(err == 0, "%s: fdt_check %d", names[i], err);
		CHECK(fdt_totalsize(b.fdt) == b.size, "%s: totalsize %u, file %zu",
		      names[i], fdt_totalsize(b.fdt), b.size);
		free(b.fdt);
	}
}

/* Node and property counts are those `dtc -O dts` prints for each file. */
TEST(fdt_full_walk_visits_every_node_and_property)
{
	static const struct {
		const char *name;
		int nodes, props;
	} trees[] = { { VIRT, 56, 219 }, { VIRT_SMP2, 58, 226 },
		      { RPI4, 254, 886 }, { RPI3, 117, 498 } };

	for (size_t i = 0; i < sizeof(trees) / sizeof(trees[0]); i++) {
		struct blob b = load(trees[i].name);
		int nodes, props, err = walk_all(b.fdt, &nodes, &props);

		CHECK(err == 0, "%s: walk error %d", trees[i].name, err);
		CHECK(nodes == trees[i].nodes && props == trees[i].props,
		      "%s: %d nodes %d props, dtc says %d and %d", trees[i].name,
		      nodes, props, trees[i].nodes, trees[i].props);
		free(b.fdt);
	}
}

/* Parent, depth, child iteration and getprop-by-name agree with the walk. */
TEST(fdt_tree_navigation_is_consistent)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int off = -1, depth = -1, children = 0, nodes = 0, child, prop, len;
	const char *name;
	const void *val;

	while ((off = fdt_next_node(fdt, off, &depth)) >= 0) {
		nodes++;
		CHECK(fdt_node_depth(fdt, off) == depth, "node %d depth %d != %d",
		      off, fdt_node_depth(fdt, off), depth);
		fdt_for_each_child(child, fdt, off) {
			children++;
			CHECK(fdt_parent_offset(fdt, child) == off,
			      "parent of %d is %d, expected %d", child,
			      fdt_parent_offset(fdt, child), off);
		}
		CHECK(child == -ENOENT, "child iteration ended with %d", child);
		fdt_for_each_property_offset(prop, fdt, off) {
			val = fdt_getprop_by_offset(fdt, prop, &name, &len);
			CHECK(fdt_getprop(fdt, off, name, NULL) == val,
			      "getprop(%s) does not find the property walked", name);
		}
	}
	CHECK(children == nodes - 1, "%d children for %d nodes", children, nodes);
	CHECK(fdt_parent_offset(fdt, 0) == -ENOENT, "root has a parent");
	CHECK(fdt_get_name(fdt, 0, &len) && len == 0, "root name not empty");
	CHECK(fdt_get_name(fdt, 4, NULL) == NULL, "offset 4 is not a node");
	CHECK(fdt_get_name(fdt, 2, NULL) == NULL, "misaligned offset");
	CHECK(fdt_first_child(fdt, 1) == -EINVAL, "misaligned child walk");
	CHECK(fdt_first_property_offset(fdt, -4) == -EINVAL, "negative offset");
	CHECK(fdt_get_name(fdt, 0x7ffffffc, NULL) == NULL, "offset past the end");
	free(b.fdt);
}

TEST(fdt_path_lookup_rules)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int uart0 = node(fdt, "/soc/serial@7e201000");
	const char *name;

	CHECK(fdt_path_offset(fdt, "/") == 0, "/ is not the root");
	CHECK(fdt_path_offset(fdt, "//soc///serial@7e201000/") == uart0,
	      "repeated slashes are not ignored");
	name = fdt_get_name(fdt, fdt_path_offset(fdt, "/soc/serial"), NULL);
	CHECK(name && !strcmp(name, "serial@7e201000"),
	      "a name without unit address matches the first unit: %s", name);
	CHECK(fdt_path_offset(fdt, "/soc/serial@7e2") == -ENOENT,
	      "a partial unit address matched");
	CHECK(fdt_path_offset(fdt, "/soc/serial@7e201000x") == -ENOENT,
	      "a longer unit address matched");
	CHECK(fdt_path_offset(fdt, "/nonexistent") == -ENOENT, "missing node");
	CHECK(fdt_path_offset(fdt, "serial0") == uart0, "alias serial0");
	CHECK(fdt_path_offset(fdt, "emmc2bus/mmc@7e340000") ==
		      node(fdt, "/emmc2bus/mmc@7e340000"),
	      "alias followed by a path");
	CHECK(fdt_path_offset(fdt, "nosuchalias") == -ENOENT, "missing alias");
	CHECK(fdt_path_offset(fdt, "") == -EINVAL, "empty path");
	CHECK(!strcmp(fdt_get_alias(fdt, "serial1"), "/soc/serial@7e215040"),
	      "alias value");
	CHECK(fdt_path_offset_namelen(fdt, "/soc/serial@7e201000:115200", 20) ==
		      uart0, "namelen stops at the length");
	free(b.fdt);
}

TEST(fdt_stringlist_contains_exact_entries_only)
{
	static const char list[] = "arm,pl011\0arm,primecell";
	static const char unterminated[] = { 'a', 'b', '\0', 'c', 'd' };

	CHECK(fdt_stringlist_contains(list, sizeof(list), "arm,pl011"), "first");
	CHECK(fdt_stringlist_contains(list, sizeof(list), "arm,primecell"), "last");
	CHECK(!fdt_stringlist_contains(list, sizeof(list), "arm,pl01"), "prefix");
	CHECK(!fdt_stringlist_contains(list, sizeof(list), "primecell"), "suffix");
	CHECK(!fdt_stringlist_contains(list, 0, "arm,pl011"), "empty list");
	CHECK(fdt_stringlist_contains(unterminated, 5, "ab"), "terminated entry");
	CHECK(!fdt_stringlist_contains(unterminated, 5, "cd"),
	      "an unterminated entry matched");
}

TEST(fdt_read_number_takes_low_two_cells)
{
	static const fdt32_t cells[] = { __builtin_bswap32(0x12345678),
					 __builtin_bswap32(0x9abcdef0),
					 __builtin_bswap32(0x0badf00d) };

	CHECK(fdt_read_number(cells, 1) == 0x12345678, "one cell");
	CHECK(fdt_read_number(cells, 2) == 0x123456789abcdef0ULL, "two cells");
	CHECK(fdt_read_number(cells, 3) == 0x9abcdef00badf00dULL, "three cells");
	CHECK(fdt_read_number(cells, 0) == 0, "zero cells");
}

/* ---- QEMU virt ------------------------------------------------------ */

TEST(virt_memory_is_what_dash_m_says)
{
	struct blob b = load(VIRT), b2 = load(VIRT_SMP2);
	int mem = fdt_node_offset_by_prop_value(b.fdt, -1, "device_type",
						"memory", 7);
	u64 size;

	CHECK(mem == node(b.fdt, "/memory@40000000"), "memory node %d", mem);
	CHECK(reg_cpu(b.fdt, mem, 0, &size) == 0x40000000 && size == 0x10000000,
	      "-m 256M: size %#llx", (unsigned long long)size);
	CHECK(!fdt_get_reg(b.fdt, mem, 1, &size, &size), "only one bank");
	CHECK(fdt_node_offset_by_prop_value(b.fdt, mem, "device_type", "memory",
					    7) == -ENOENT, "a second memory node");
	mem = fdt_node_offset_by_prop_value(b2.fdt, -1, "device_type", "memory", 7);
	CHECK(reg_cpu(b2.fdt, mem, 0, &size) == 0x40000000 && size == 0x20000000,
	      "-m 512M: size %#llx", (unsigned long long)size);
	CHECK(fdt_num_mem_rsv(b.fdt) == 0, "virt reserves nothing");
	free(b.fdt);
	free(b2.fdt);
}

TEST(virt_console_is_pl011_at_0x09000000)
{
	struct blob b = load(VIRT);
	const void *fdt = b.fdt;
	int uart = fdt_chosen_stdout(fdt);
	u64 size;

	CHECK(uart == node(fdt, "/pl011@9000000"), "stdout-path gave %d", uart);
	CHECK(fdt_node_check_compatible(fdt, uart, "arm,pl011") == 0, "compatible");
	CHECK(reg_cpu(fdt, uart, 0, &size) == 0x09000000 && size == 0x1000,
	      "PL011 base/size");
	check_irq(fdt, uart, 0, 3, 0, 1, 4);	/* SPI 1, level high */
	free(b.fdt);
}

TEST(virt_gicv2_distributor_and_cpu_interface)
{
	struct blob b = load(VIRT);
	const void *fdt = b.fdt;
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	int v2m = fdt_first_child(fdt, gic);
	u64 size;
	u32 n;

	CHECK(gic == node(fdt, "/intc@8000000"), "GIC node %d", gic);
	CHECK(reg_cpu(fdt, gic, 0, &size) == 0x08000000 && size == 0x10000, "GICD");
	CHECK(reg_cpu(fdt, gic, 1, &size) == 0x08010000 && size == 0x10000, "GICC");
	CHECK(fdt_getprop_u32(fdt, gic, "#interrupt-cells", &n) && n == 3,
	      "#interrupt-cells");
	CHECK(fdt_getprop(fdt, gic, "interrupt-controller", NULL), "flag prop");
	CHECK(fdt_get_phandle(fdt, gic) == 0x8002 &&
		      fdt_node_offset_by_phandle(fdt, 0x8002) == gic, "phandle");
	CHECK(fdt_node_offset_by_phandle(fdt, 0) == -EINVAL &&
		      fdt_node_offset_by_phandle(fdt, ~0u) == -EINVAL,
	      "0 and ~0 are not phandles (nodes without one report 0)");
	CHECK(fdt_node_offset_by_phandle(fdt, 0x7777) == -ENOENT, "unused");
	CHECK(fdt_interrupt_parent(fdt, node(fdt, "/pl031@9010000")) == gic,
	      "interrupt-parent inherited from the root");
	/* "ranges;" (empty) under the GIC maps its child one to one. */
	CHECK(reg_cpu(fdt, v2m, 0, NULL) == 0x08020000, "GICv2m frame");
	CHECK(fdt_node_offset_by_compatible(fdt, gic, "arm,cortex-a15-gic") ==
		      -ENOENT, "only one GIC");
	free(b.fdt);
}

TEST(virt_timer_ppis_and_psci)
{
	struct blob b = load(VIRT), b2 = load(VIRT_SMP2);
	const void *fdt = b.fdt;
	int timer = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	int psci = node(fdt, "/psci");
	u32 cells[3];

	/* secure, non-secure (the one the kernel uses), virtual, hyp PPIs */
	check_irq(fdt, timer, 0, 3, 1, 13, 0x104);
	check_irq(fdt, timer, 1, 3, 1, 14, 0x104);
	check_irq(fdt, timer, 2, 3, 1, 11, 0x104);
	check_irq(fdt, timer, 3, 3, 1, 10, 0x104);
	CHECK(fdt_get_interrupt(fdt, timer, 4, cells, 3) == -ENOENT, "a fifth PPI");
	CHECK(fdt_get_interrupt(fdt, timer, 0, cells, 2) == -EINVAL,
	      "3 cells into a 2-cell buffer");
	CHECK(!strcmp(prop_str(fdt, psci, "method"), "hvc"), "PSCI method");
	CHECK(fdt_node_check_compatible(fdt, psci, "arm,psci-0.2") == 0, "PSCI 0.2");
	CHECK(fdt_getprop(fdt, node(fdt, "/cpus/cpu@0"), "enable-method", NULL) ==
		      NULL, "one CPU: no enable-method");
	CHECK(!strcmp(prop_str(b2.fdt, node(b2.fdt, "/cpus/cpu@1"),
			       "enable-method"), "psci"), "-smp 2: psci");
	CHECK(fdt_address_cells(fdt, node(fdt, "/cpus")) == 1 &&
		      fdt_size_cells(fdt, node(fdt, "/cpus")) == 0, "/cpus cells");
	free(b.fdt);
	free(b2.fdt);
}

TEST(virt_has_32_virtio_mmio_transports)
{
	struct blob b = load(VIRT);
	const void *fdt = b.fdt;
	int off = -1, n = 0;
	u64 base, size;

	while ((off = fdt_node_offset_by_compatible(fdt, off, "virtio,mmio")) >= 0) {
		base = reg_cpu(fdt, off, 0, &size);
		CHECK(base == 0x0a000000 + 0x200ULL * n && size == 0x200,
		      "transport %d at %#llx", n, (unsigned long long)base);
		n++;
	}
	CHECK(n == 32 && off == -ENOENT, "%d transports, end %d", n, off);
	free(b.fdt);
}

/* ---- Raspberry Pi 4 --------------------------------------------------- */

TEST(rpi4_memory_and_reservations)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int mem = node(fdt, "/memory@0"), rmem = node(fdt, "/reserved-memory");
	int cma = fdt_first_child(fdt, rmem), nvram = fdt_next_sibling(fdt, cma);
	u64 addr, size;
	const fdt32_t *p;
	int len;

	/* The firmware fills in the size; the file on disk says 0. */
	CHECK(fdt_get_reg(fdt, mem, 0, &addr, &size) && addr == 0 && size == 0,
	      "memory@0 reg");
	CHECK(fdt_num_mem_rsv(fdt) == 1, "one /memreserve/");
	CHECK(fdt_get_mem_rsv(fdt, 0, &addr, &size) == 0 && addr == 0 &&
		      size == 0x1000, "spin-table page reserved");
	CHECK(fdt_get_mem_rsv(fdt, 1, &addr, &size) == -ENOENT, "entry 1");
	CHECK(!strcmp(fdt_get_name(fdt, cma, NULL), "linux,cma"), "CMA first");
	p = fdt_getprop(fdt, cma, "size", &len);
	CHECK(p && len == 4 && fdt32_ld(p) == 0x4000000, "CMA size");
	p = fdt_getprop(fdt, cma, "alloc-ranges", &len);
	CHECK(p && len == 12 && fdt_read_number(p + 2, 1) == 0x40000000, "CMA range");
	CHECK(!strcmp(fdt_get_name(fdt, nvram, NULL), "nvram@0"), "nvram second");
	CHECK(fdt_getprop(fdt, nvram, "no-map", &len) && len == 0, "no-map flag");
	CHECK(!strcmp(prop_str(fdt, nvram, "status"), "disabled"), "nvram status");
	CHECK(fdt_next_sibling(fdt, nvram) == -ENOENT, "two children only");
	free(b.fdt);
}

TEST(rpi4_console_uarts_after_soc_ranges)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int stdout_uart = fdt_chosen_stdout(fdt);
	int pl011 = fdt_path_offset(fdt, "serial0");

	/* stdout-path = "serial1:115200n8": the mini UART. */
	CHECK(stdout_uart == node(fdt, "/soc/serial@7e215040"), "stdout %d",
	      stdout_uart);
	CHECK(fdt_node_check_compatible(fdt, stdout_uart,
					"brcm,bcm2835-aux-uart") == 0, "mini UART");
	CHECK(reg_cpu(fdt, stdout_uart, 0, NULL) == 0xfe215040, "mini UART base");
	CHECK(fdt_node_check_compatible(fdt, pl011, "arm,pl011") == 0, "PL011");
	CHECK(reg_cpu(fdt, pl011, 0, NULL) == 0xfe201000, "PL011 base");
	check_irq(fdt, pl011, 0, 3, 0, 0x79, 4);
	free(b.fdt);
}

TEST(rpi4_gic400_and_timer)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-400");
	int timer = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	u64 size;

	CHECK(gic == node(fdt, "/soc/interrupt-controller@40041000"), "GIC %d", gic);
	CHECK(reg_cpu(fdt, gic, 0, &size) == 0xff841000 && size == 0x1000, "GICD");
	CHECK(reg_cpu(fdt, gic, 1, &size) == 0xff842000 && size == 0x2000, "GICC");
	CHECK(fdt_interrupt_parent(fdt, timer) == gic, "timer goes to the GIC");
	check_irq(fdt, timer, 1, 3, 1, 14, 0xf08);
	free(b.fdt);
}

TEST(rpi4_other_buses_translate)
{
	struct blob b = load(RPI4);
	const void *fdt = b.fdt;
	int mmc = node(fdt, "/emmc2bus/mmc@7e340000");
	int pcie = fdt_path_offset(fdt, "pcie0");
	int thermal = node(fdt, "/thermal-zones/cpu-thermal");
	u64 addr, size;

	CHECK(fdt_address_cells(fdt, node(fdt, "/emmc2bus")) == 2, "emmc2bus cells");
	CHECK(reg_cpu(fdt, mmc, 0, NULL) == 0xfe340000, "emmc2 (2-cell bus)");
	CHECK(reg_cpu(fdt, pcie, 0, NULL) == 0xfd500000, "PCIe bridge via /scb");
	CHECK(fdt_translate_address(fdt, node(fdt, "/soc/serial@7e201000"),
				    0x7f800000) == FDT_BAD_ADDR,
	      "an address outside every /soc range");
	CHECK(fdt_translate_address(fdt, node(fdt, "/thermal-zones/cpu-thermal/trips"),
				    0) == FDT_BAD_ADDR,
	      "a bus without ranges is not memory mapped");
	CHECK(!fdt_get_reg(fdt, thermal, 0, &addr, &size), "no reg");
	free(b.fdt);
}

/* Both Pis park secondary cores on a spin table at 0xd8 + 8 * cpu. */
static void check_spin_table(const void *fdt, const char *board)
{
	int cpus = node(fdt, "/cpus"), cpu, n = 0, len;
	const fdt32_t *rel;
	u64 id;

	fdt_for_each_child(cpu, fdt, cpus) {
		if (strcmp(prop_str(fdt, cpu, "device_type"), "cpu"))
			continue;
		CHECK(fdt_get_reg(fdt, cpu, 0, &id, NULL) && id == (u64)n,
		      "%s: cpu %d reg", board, n);
		CHECK(!strcmp(prop_str(fdt, cpu, "enable-method"), "spin-table"),
		      "%s: cpu %d enable-method", board, n);
		rel = fdt_getprop(fdt, cpu, "cpu-release-addr", &len);
		CHECK(rel && len == 8 && fdt_read_number(rel, 2) == 0xd8 + 8ULL * n,
		      "%s: cpu %d release address", board, n);
		n++;
	}
	CHECK(n == 4, "%s: %d CPUs", board, n);
	CHECK(fdt_path_offset(fdt, "/psci") == -ENOENT, "%s: no PSCI", board);
}

TEST(rpi4_and_rpi3_cpus_use_spin_table)
{
	struct blob b4 = load(RPI4), b3 = load(RPI3);

	check_spin_table(b4.fdt, "Pi 4");
	check_spin_table(b3.fdt, "Pi 3");
	free(b4.fdt);
	free(b3.fdt);
}

/* ---- Raspberry Pi 3 --------------------------------------------------- */

TEST(rpi3_memory_and_uarts)
{
	struct blob b = load(RPI3);
	const void *fdt = b.fdt;
	int mem = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
	u64 addr, size;

	CHECK(fdt_address_cells(fdt, 0) == 1 && fdt_size_cells(fdt, 0) == 1,
	      "32-bit root");
	CHECK(reg_cpu(fdt, mem, 0, &size) == 0 && size == 0x40000000, "1 GiB at 0");
	CHECK(fdt_get_mem_rsv(fdt, 0, &addr, &size) == 0 && addr == 0 &&
		      size == 0x1000, "spin-table page reserved");
	CHECK(reg_cpu(fdt, fdt_chosen_stdout(fdt), 0, NULL) == 0x3f215040,
	      "stdout is the mini UART");
	CHECK(reg_cpu(fdt, fdt_path_offset(fdt, "serial0"), 0, NULL) == 0x3f201000,
	      "serial0 is the PL011");
	free(b.fdt);
}

TEST(rpi3_interrupt_controllers_and_timer)
{
	struct blob b = load(RPI3);
	const void *fdt = b.fdt;
	int l1 = fdt_node_offset_by_compatible(fdt, -1, "brcm,bcm2836-l1-intc");
	int armctrl = fdt_node_offset_by_compatible(fdt, -1,
						    "brcm,bcm2836-armctrl-ic");
	int timer = fdt_node_offset_by_compatible(fdt, -1, "arm,armv7-timer");

	CHECK(reg_cpu(fdt, l1, 0, NULL) == 0x40000000, "local intc (2nd range)");
	CHECK(reg_cpu(fdt, armctrl, 0, NULL) == 0x3f00b200, "armctrl base");
	CHECK(fdt_interrupt_parent(fdt, armctrl) == l1, "armctrl chains to l1");
	check_irq(fdt, armctrl, 0, 2, 8, 4, 0);
	CHECK(fdt_interrupt_parent(fdt, timer) == l1, "timer on the local intc");
	check_irq(fdt, timer, 0, 2, 0, 4, 0);
	check_irq(fdt, timer, 1, 2, 1, 4, 0);	/* non-secure physical */
	check_irq(fdt, timer, 2, 2, 3, 4, 0);
	check_irq(fdt, timer, 3, 2, 2, 4, 0);
	CHECK(fdt_interrupt_parent(fdt, node(fdt, "/soc/serial@7e201000")) ==
		      armctrl, "devices inherit the armctrl from the root");
	free(b.fdt);
}

/* ---- corrupt blobs ---------------------------------------------------- */

TEST(fdt_check_rejects_bad_headers)
{
	struct blob b = load(VIRT);
	unsigned char *pristine = malloc(b.size);
	static const struct {
		int field;
		u32 value;
		const char *what;
	} bad[] = {
		{ H_MAGIC, 0xd00dfeee, "bad magic" },
		{ H_TOTALSIZE, 39, "totalsize below the header" },
		{ H_TOTALSIZE, 0x100000, "totalsize past the buffer" },
		{ H_TOTALSIZE, 0xfffffff0, "huge totalsize" },
		{ H_VERSION, 16, "version 16" },
		{ H_LAST_COMP, 18, "incompatible version" },
		{ H_OFF_STRUCT, 0x10, "struct block inside the header" },
		{ H_OFF_STRUCT, 0xfffffffc, "struct block past the end" },
		{ H_OFF_STRUCT, 0x3a, "misaligned struct block" },
		{ H_SIZE_STRUCT, 0x7fffff00, "struct size past the end" },
		{ H_SIZE_STRUCT, 0x102, "struct size not a whole token" },
		{ H_SIZE_STRUCT, 0x100, "struct block cut mid-token" },
		{ H_SIZE_STRUCT, 0x1b4c, "struct block ends before FDT_END" },
		{ H_OFF_STRINGS, 0xffffff00, "strings past the end" },
		{ H_SIZE_STRINGS, 0xffffffff, "strings size past the end" },
		{ H_SIZE_STRINGS, 4, "strings block cut short" },
		{ H_OFF_RSVMAP, 0x2a, "misaligned reservation map" },
		{ H_OFF_RSVMAP, 0, "reservation map over the header" },
		{ H_OFF_RSVMAP, 0xfffffff8, "reservation map past the end" },
	};

	memcpy(pristine, b.fdt, b.size);
	CHECK(hdr(&b, H_SIZE_STRUCT) == 0x1b50, "struct size changed: fix the table");
	CHECK(fdt_check(NULL, b.size) == -EINVAL, "NULL blob");
	CHECK(fdt_check(b.fdt, 39) == -EINVAL, "buffer smaller than a header");
	CHECK(fdt_check(b.fdt, b.size - 1) == -EINVAL, "truncated buffer");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memcpy(b.fdt, pristine, b.size);
		set_hdr(&b, bad[i].field, bad[i].value);
		CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "accepted: %s",
		      bad[i].what);
	}
	memcpy(b.fdt, pristine, b.size);
	set_hdr(&b, H_TOTALSIZE, 0x80000000);
	CHECK(fdt_check(b.fdt, SIZE_MAX) == -EINVAL, "totalsize beyond int");
	/* A misaligned blob (copied one byte in) is refused, not read. */
	{
		unsigned char *odd = malloc(b.size + 1);

		memcpy(odd + 1, pristine, b.size);
		CHECK(fdt_check(odd + 1, b.size) == -EINVAL, "misaligned blob");
		free(odd);
	}
	free(pristine);
	free(b.fdt);
}

/*
 * A blob around a hand-written structure block (host-order words: tokens,
 * property headers, names packed four characters a cell) and strings.
 * Layout: header, one {0, 0} reservation, structure, strings.
 */
static struct blob mkblob(const u32 *words, size_t n, const char *strings,
			  size_t slen)
{
	const u32 off_struct = 40 + 16, off_strings = off_struct + 4 * n;
	struct blob b = { NULL, off_strings + slen };

	b.fdt = calloc(1, b.size);
	set_hdr(&b, H_MAGIC, FDT_MAGIC);
	set_hdr(&b, H_TOTALSIZE, b.size);
	set_hdr(&b, H_OFF_STRUCT, off_struct);
	set_hdr(&b, H_OFF_STRINGS, off_strings);
	set_hdr(&b, H_OFF_RSVMAP, 40);
	set_hdr(&b, H_VERSION, 17);
	set_hdr(&b, H_LAST_COMP, 16);
	set_hdr(&b, H_SIZE_STRINGS, slen);
	set_hdr(&b, H_SIZE_STRUCT, 4 * n);
	for (size_t i = 0; i < n; i++)
		be32_put(b.fdt + off_struct + 4 * i, words[i]);
	memcpy(b.fdt + off_strings, strings, slen);
	return b;
}

enum { BEGIN = 1, END_NODE = 2, PROP = 3, NOP = 4, END = 9 };

TEST(fdt_check_hand_made_structures)
{
	static const struct {
		u32 words[12];
		size_t n;
		int want;
		const char *what;
	} cases[] = {
		{ { BEGIN, 0, PROP, 0, 0, END_NODE, END }, 7, 0, "minimal tree" },
		{ { NOP, BEGIN, 0, NOP, PROP, 0, 0, NOP, END_NODE, NOP, END }, 11, 0,
		  "NOPs anywhere" },
		{ { END }, 1, -EINVAL, "no root" },
		{ { END_NODE, END }, 2, -EINVAL, "END_NODE first" },
		{ { BEGIN, 0, END_NODE, BEGIN, 0, END_NODE, END }, 7, -EINVAL,
		  "two roots" },
		{ { PROP, 0, 0, BEGIN, 0, END_NODE, END }, 7, -EINVAL,
		  "property outside the root" },
		{ { BEGIN, 0, END }, 3, -EINVAL, "root never closed" },
		{ { BEGIN, 0, END_NODE }, 3, -EINVAL, "no FDT_END" },
		{ { BEGIN, 0, 5, END_NODE, END }, 5, -EINVAL, "unknown token" },
		{ { BEGIN, 0, PROP, 100, 0, END_NODE, END }, 7, -EINVAL,
		  "property value past the block" },
		{ { BEGIN, 0, PROP, 0, 2, END_NODE, END }, 7, -EINVAL,
		  "property name past the strings" },
		{ { BEGIN, 0, PROP }, 3, -EINVAL, "property header cut off" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct blob b = mkblob(cases[i].words, cases[i].n, "a", 2);
		int err = fdt_check(b.fdt, b.size);

		CHECK(err == cases[i].want, "%s: %d", cases[i].what, err);
		free(b.fdt);
	}
}

TEST(fdt_nops_are_skipped_by_every_walker)
{
	static const u32 words[] = { NOP, BEGIN, 0, NOP, PROP, 0, 0, NOP,
				     BEGIN, 0x63000000 /* "c" */, END_NODE,
				     END_NODE, END };
	struct blob b = mkblob(words, sizeof(words) / 4, "a", 2);
	int root = fdt_path_offset(b.fdt, "/"), len;

	CHECK(fdt_check(b.fdt, b.size) == 0, "valid");
	CHECK(root == 4, "root after the NOP: %d", root);
	CHECK(fdt_getprop(b.fdt, root, "a", &len) && len == 0, "property a");
	CHECK(fdt_first_child(b.fdt, root) == 32 &&
		      fdt_path_offset(b.fdt, "/c") == 32, "child c");
	CHECK(fdt_parent_offset(b.fdt, 32) == root, "parent of c");
	free(b.fdt);
}

/* An alias must be a full path: "x" = "x" must not recurse forever. */
TEST(fdt_rejects_relative_alias)
{
	static const u32 words[] = { BEGIN, 0, BEGIN, 0x616c6961, 0x73657300,
				     PROP, 2, 0, 0x78000000, END_NODE, END_NODE,
				     END };
	struct blob b = mkblob(words, sizeof(words) / 4, "x", 2);

	CHECK(fdt_check(b.fdt, b.size) == 0, "valid");
	CHECK(!strcmp(fdt_get_alias(b.fdt, "x"), "x"), "alias x");
	CHECK(fdt_path_offset(b.fdt, "x") == -EINVAL, "relative alias followed");
	CHECK(fdt_path_offset(b.fdt, "x/y") == -EINVAL, "with a path after it");
	free(b.fdt);
}

/* A node name cut by the end of the block has no NUL: never strlen it. */
TEST(fdt_rejects_node_name_cut_by_block_end)
{
	static const u32 words[] = { BEGIN, 0x61626364, 0x65666768 };
	struct blob b = mkblob(words, 3, "a", 2);
	int len;

	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "accepted");
	CHECK(fdt_get_name(b.fdt, 0, &len) == NULL && len == -EINVAL, "name read");
	CHECK(fdt_next_node(b.fdt, -1, NULL) == -EINVAL, "node walk");
	free(b.fdt);
}

/* A reservation map whose entries run to totalsize without a {0, 0}. */
TEST(fdt_check_rejects_unterminated_reservation_map)
{
	struct blob b = load(VIRT);
	u32 rsv = (b.size - 16) & ~7u;

	memset(b.fdt + rsv, 0xff, 16);
	set_hdr(&b, H_OFF_RSVMAP, rsv);
	CHECK(fdt_num_mem_rsv(b.fdt) == -EINVAL, "count without terminator");
	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "accepted");
	free(b.fdt);
}

/*
 * Structure-block corruption is caught twice: by fdt_check() and by the
 * accessors themselves (which bounds-check every token again).
 */
TEST(fdt_rejects_bad_property_length_and_name_offset)
{
	struct blob b = load(RPI3);
	int chosen = fdt_path_offset(b.fdt, "/chosen");
	int prop = fdt_first_property_offset(b.fdt, chosen), len, nodes, props;
	unsigned char *tok = b.fdt + hdr(&b, H_OFF_STRUCT) + prop;
	u32 good_len = be32_get(tok + 4), good_name = be32_get(tok + 8);
	const u32 bad_lens[] = { 0xffffffff, 0x7ffffffc,
				 hdr(&b, H_SIZE_STRUCT) - prop - 12 + 1 };
	const u32 bad_names[] = { hdr(&b, H_SIZE_STRINGS),
				  hdr(&b, H_SIZE_STRINGS) + 1, 0xfffffff0 };

	for (size_t i = 0; i < 3; i++) {
		be32_put(tok + 4, bad_lens[i]);
		CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "length %#x", bad_lens[i]);
		CHECK(!fdt_getprop(b.fdt, chosen, "stdout-path", &len) &&
			      len == -EINVAL, "getprop with length %#x: %d",
		      bad_lens[i], len);
		CHECK(walk_all(b.fdt, &nodes, &props) == -EINVAL, "walk");
		CHECK(fdt_next_sibling(b.fdt, chosen) == -EINVAL, "sibling");
	}
	be32_put(tok + 4, good_len);
	for (size_t i = 0; i < 3; i++) {
		be32_put(tok + 8, bad_names[i]);
		CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "name offset %#x",
		      bad_names[i]);
		CHECK(!fdt_getprop_by_offset(b.fdt, prop, NULL, &len) &&
			      len == -EINVAL, "getprop_by_offset: %d", len);
		CHECK(walk_all(b.fdt, &nodes, &props) == -EINVAL, "walk");
	}
	be32_put(tok + 8, good_name);
	CHECK(fdt_check(b.fdt, b.size) == 0, "restored blob");
	free(b.fdt);
}

TEST(fdt_rejects_bad_tokens_and_nesting)
{
	struct blob b = load(VIRT);
	unsigned char *s = b.fdt + hdr(&b, H_OFF_STRUCT);
	u32 size = hdr(&b, H_SIZE_STRUCT);
	unsigned char *last_end_node = s + size - 8, *end = s + size - 4;
	int nodes, props;

	CHECK(be32_get(last_end_node) == 2 && be32_get(end) == 9, "layout");
	be32_put(last_end_node, 4);		/* FDT_NOP: root never closed */
	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "unclosed root");
	be32_put(last_end_node, 2);
	be32_put(end, 2);			/* one FDT_END_NODE too many */
	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "extra end node");
	be32_put(end, 1);			/* a second root, name runs off */
	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "unterminated node name");
	be32_put(end, 9);
	be32_put(s, 7);				/* unknown token */
	CHECK(fdt_check(b.fdt, b.size) == -EINVAL, "unknown token");
	CHECK(fdt_path_offset(b.fdt, "/chosen") == -EINVAL, "lookup error");
	CHECK(walk_all(b.fdt, &nodes, &props) == -EINVAL, "walk");
	be32_put(s, 1);
	CHECK(fdt_check(b.fdt, b.size) == 0, "restored blob");
	free(b.fdt);
}

/* An alias whose value lacks its NUL must not be followed past its end. */
TEST(fdt_rejects_unterminated_alias)
{
	struct blob b = load(RPI4);
	int len;
	char *path = (char *)fdt_getprop(b.fdt, node(b.fdt, "/aliases"), "serial0",
					 &len);

	CHECK(path && len == sizeof("/soc/serial@7e201000"), "alias layout");
	path[len - 1] = 'x';
	CHECK(fdt_get_alias(b.fdt, "serial0") == NULL, "alias accepted");
	CHECK(fdt_path_offset(b.fdt, "serial0") == -ENOENT, "alias followed");
	free(b.fdt);
}

/* Unusable #address-cells: errors, never a 3-cell address read as 2. */
TEST(fdt_rejects_bad_cell_counts)
{
	struct blob b = load(RPI3);
	int soc = fdt_path_offset(b.fdt, "/soc"), len;
	int uart = fdt_path_offset(b.fdt, "/soc/serial@7e201000");
	int wdt = fdt_path_offset(b.fdt, "/soc/watchdog@7e100000");	/* 4 cells */
	fdt32_t *ac = (fdt32_t *)fdt_getprop(b.fdt, soc, "#address-cells", &len);
	u64 addr, size;

	CHECK(ac && len == 4, "layout");
	*ac = __builtin_bswap32(3);
	CHECK(fdt_address_cells(b.fdt, soc) == 3, "3 cells is legal");
	CHECK(!fdt_get_reg(b.fdt, wdt, 0, &addr, &size), "3-cell address read");
	*ac = __builtin_bswap32(5);
	CHECK(fdt_address_cells(b.fdt, soc) == -EINVAL, "5 cells accepted");
	CHECK(!fdt_get_reg(b.fdt, uart, 0, &addr, &size), "reg with 5 cells");
	*ac = __builtin_bswap32(1);
	CHECK(fdt_translate_address(b.fdt, uart, 0x7e201000) == 0x3f201000,
	      "restored");
	free(b.fdt);
}

/*
 * Random byte damage must never make the parser read out of bounds: when
 * the header is intact, every accessor must cope whatever fdt_check() said.
 */
static void fuzz(const char *name, int rounds)
{
	struct blob b = load(name);
	unsigned char *pristine = malloc(b.size);
	u64 x = 0x9e3779b97f4a7c15ULL;
	int accepted = 0, nodes, props;

	memcpy(pristine, b.fdt, b.size);
	for (int r = 0; r < rounds; r++) {
		bool header_hit = false;

		memcpy(b.fdt, pristine, b.size);
		for (int k = 0; k < 1 + r % 4; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			size_t at = (size_t)(x >> 20) % b.size;

			b.fdt[at] = (unsigned char)(x >> 8);
			header_hit |= at < 40;
		}
		if (fdt_check(b.fdt, b.size) == 0)
			accepted++;
		else if (header_hit)
			continue;
		walk_all(b.fdt, &nodes, &props);
		poke_everything(b.fdt);
	}
	CHECK(accepted > 0 && accepted < rounds, "%s: %d of %d damaged blobs "
	      "accepted", name, accepted, rounds);
	free(pristine);
	free(b.fdt);
}

TEST(fdt_survives_random_damage)
{
	fuzz(VIRT, 800);
	fuzz(RPI3, 150);
}
