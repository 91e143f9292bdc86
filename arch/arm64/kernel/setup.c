/*
 * arm64 boot in C: read the flattened device tree the boot loader passed
 * into boot_info, start the early console, call start_kernel(); and
 * arch_late_init(), which brings up the devices once memory management is.
 *
 * Until arch_late_init() drops it, the TTBR0 identity map of head.S lets us
 * read the DTB and the UART at their physical addresses.
 */
#include <kernel/arch.h>
#include <kernel/boot.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <asm/device.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <mm/arch.h>

#define FDT_MAX_SIZE SZ_2M	/* like Linux: a larger blob is rejected */

/* Set by head.S before any C runs (stored after bss is cleared). */
phys_addr_t kimage_phys_base;
u32 boot_cpu_mode;

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
	u64 start, end;

	if (chosen < 0)
		return;
	args = fdt_getprop(fdt, chosen, "bootargs", &len);
	if (args && len > 0)
		strlcpy(bi->cmdline, args, MIN((size_t)len, sizeof(bi->cmdline)));
	start = chosen_addr(fdt, chosen, "linux,initrd-start");
	end = chosen_addr(fdt, chosen, "linux,initrd-end");
	if (start && end > start) {
		bi->initrd_base = start;
		bi->initrd_size = end - start;
	}
}

void arm64_start_kernel(phys_addr_t dtb_pa)
{
	struct boot_info *bi = &boot_info;
	const void *fdt = (const void *)(unsigned long)dtb_pa;

	/* Without a valid DTB there is no console to complain on. */
	if (!dtb_pa || !IS_ALIGNED(dtb_pa, 8) || fdt_check(fdt, FDT_MAX_SIZE))
		panic("no valid device tree at %#lx\n", (unsigned long)dtb_pa);
	parse_chosen(fdt, bi);	/* first: arch_poweroff() reads the command line */
	console_early_init(fdt);
	psci_init(fdt);

	bi->loader = "dtb";
	bi->dtb = dtb_pa;
	parse_memory(fdt, bi);
	parse_reserved(fdt, dtb_pa, bi);
	bi->early_map_base = ALIGN_DOWN(kimage_phys_base, SZ_1G);
	bi->early_map_end = bi->early_map_base + SZ_1G;
	if (!bi->nr_mem)
		panic("device tree lists no memory\n");
	printk("arm64: entered at EL%u, image at %#lx, DTB at %#lx\n", boot_cpu_mode,
	       (unsigned long)kimage_phys_base + TEXT_OFFSET, (unsigned long)dtb_pa);
	start_kernel(bi);
}

void arch_late_init(struct boot_info *bi)
{
	arm64_probe_devices(__va(bi->dtb));
	arm64_drop_idmap();
}
