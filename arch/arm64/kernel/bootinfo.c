/*
 * struct boot_info from the flattened device tree: RAM, reserved ranges,
 * command line, initrd. Pure parsing (no hardware access), so host tests
 * run it on the real QEMU and Raspberry Pi device trees.
 */
#include <kernel/boot.h>
#include <kernel/compiler.h>
#include <kernel/fdt.h>
#include <kernel/string.h>
#include <asm/bootinfo.h>

/* Every "reg" entry of node as a range of bi->mem or bi->reserved. */
static void add_reg_ranges(const void *fdt, int node, struct boot_info *bi, bool reserved)
{
	u64 base, size;
	int i;

	for (i = 0; fdt_get_reg(fdt, node, i, &base, &size); i++) {
		if (reserved)
			boot_add_reserved(bi, base, size);
		else
			boot_add_mem(bi, base, size);
	}
}

/* RAM: every node with device_type = "memory". */
static void parse_memory(const void *fdt, struct boot_info *bi)
{
	static const char memory[] = "memory";
	int node = -1;

	while ((node = fdt_node_offset_by_prop_value(fdt, node, "device_type", memory,
						     sizeof(memory))) >= 0)
		add_reg_ranges(fdt, node, bi, false);
}

/*
 * Reserved: the memory reservation block, the static children of
 * /reserved-memory (those with "reg"; dynamic ones have only a size), and
 * the DTB itself. The kernel image and initrd are reserved by mm_init().
 */
static void parse_reserved(const void *fdt, phys_addr_t dtb_pa, struct boot_info *bi)
{
	int i, n = fdt_num_mem_rsv(fdt), node, child;
	u64 base, size;

	for (i = 0; i < n; i++)
		if (fdt_get_mem_rsv(fdt, i, &base, &size) == 0)
			boot_add_reserved(bi, base, size);
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node >= 0)
		fdt_for_each_child(child, fdt, node)
			add_reg_ranges(fdt, child, bi, true);
	boot_add_reserved(bi, dtb_pa, fdt_totalsize(fdt));
}

/* A /chosen property holding one address of 1 or 2 cells; 0 if absent. */
static u64 chosen_addr(const void *fdt, int chosen, const char *name)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, chosen, name, &len);

	if (!p || (len != 4 && len != 8))
		return 0;
	return fdt_read_number(p, len / 4);
}

/* /chosen: bootargs -> the command line, linux,initrd-start/end. */
static void parse_chosen(const void *fdt, struct boot_info *bi)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len;
	const char *args;
	size_t n;
	u64 start, end;

	if (chosen < 0)
		return;
	args = fdt_getprop(fdt, chosen, "bootargs", &len);
	if (args && len > 0) {
		/* The property need not be NUL-terminated; the copy always is. */
		n = MIN(strnlen(args, (size_t)len), sizeof(bi->cmdline) - 1);
		memcpy(bi->cmdline, args, n);
		bi->cmdline[n] = '\0';
	}
	start = chosen_addr(fdt, chosen, "linux,initrd-start");
	end = chosen_addr(fdt, chosen, "linux,initrd-end");
	if (start && end > start) {
		bi->initrd_base = start;
		bi->initrd_size = end - start;
	}
}

void boot_info_from_fdt(const void *fdt, phys_addr_t dtb_pa, struct boot_info *bi)
{
	bi->loader = "dtb";
	bi->dtb = dtb_pa;
	parse_chosen(fdt, bi);
	parse_memory(fdt, bi);
	parse_reserved(fdt, dtb_pa, bi);
}
