/*
 * How each CPU of the device tree is started: its /cpus child's "reg"
 * (MPIDR affinity) and "enable-method" (or that of /cpus), "psci" or
 * "spin-table" with the 64-bit "cpu-release-addr" of the slot the CPU is
 * parked on (the Raspberry Pi firmware's spin table at 0xd8-0xf0). Pure
 * device-tree parsing, so host tests run it on the real trees; smp.c
 * starts the CPUs.
 */
#include <kernel/fdt.h>
#include <asm/smp.h>

static enum enable_method of_enable_method(const void *fdt, int node, int cpus_node)
{
	int len;
	const char *m = fdt_getprop(fdt, node, "enable-method", &len);

	if (!m)
		m = fdt_getprop(fdt, cpus_node, "enable-method", &len);
	if (m && fdt_stringlist_contains(m, len, "psci"))
		return ENABLE_PSCI;
	if (m && fdt_stringlist_contains(m, len, "spin-table"))
		return ENABLE_SPIN_TABLE;
	return ENABLE_NONE;
}

bool of_cpu_boot(const void *fdt, int node, int cpus_node, struct cpu_boot *b)
{
	const fdt32_t *rel;
	u64 size;
	int len;

	if (!fdt_get_reg(fdt, node, 0, &b->mpidr, &size))
		return false;
	b->method = of_enable_method(fdt, node, cpus_node);
	b->release_addr = 0;
	if (b->method == ENABLE_SPIN_TABLE) {
		rel = fdt_getprop(fdt, node, "cpu-release-addr", &len);
		if (rel && len == 8)
			b->release_addr = fdt_read_number(rel, 2);
		else
			b->method = ENABLE_NONE;
	}
	return true;
}
