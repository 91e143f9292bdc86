/*
 * Helpers the architectures use to fill struct boot_info.
 */
#include <kernel/boot.h>
#include <kernel/printk.h>

static void add_range(struct mem_range *r, int *nr, phys_addr_t base, u64 size,
		      const char *what)
{
	if (!size)
		return;
	if (*nr == BOOT_MAX_RANGES) {
		printk("boot: too many %s ranges, ignoring %llx+%llx\n", what,
		       (unsigned long long)base, (unsigned long long)size);
		return;
	}
	r[*nr].base = base;
	r[*nr].size = size;
	(*nr)++;
}

void boot_add_mem(struct boot_info *bi, phys_addr_t base, u64 size)
{
	add_range(bi->mem, &bi->nr_mem, base, size, "memory");
}

void boot_add_reserved(struct boot_info *bi, phys_addr_t base, u64 size)
{
	add_range(bi->reserved, &bi->nr_reserved, base, size, "reserved");
}
