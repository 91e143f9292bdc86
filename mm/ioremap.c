/*
 * ioremap: device registers mapped uncached into a window of the kernel
 * half (IOREMAP_START .. IOREMAP_END), handed out by a bump pointer.
 * Drivers map their registers once at start-up and keep them, so there is
 * no iounmap yet.
 */
#include <kernel/printk.h>
#include <mm/pgtable.h>

static unsigned long ioremap_next = IOREMAP_START;

void *ioremap(phys_addr_t pa, u64 size)
{
	phys_addr_t base = ALIGN_DOWN(pa, PAGE_SIZE);
	u64 len = ALIGN(pa + size, PAGE_SIZE) - base;
	unsigned long va;
	int err;

	if (!size)
		return NULL;
	spin_lock(&init_mm.page_table_lock);
	va = ioremap_next;
	if (len > IOREMAP_END - va) {
		spin_unlock(&init_mm.page_table_lock);
		return NULL;
	}
	err = pgtable_map_range(&init_mm, va, base, len, PAGE_KERNEL_DEVICE, 0);
	if (!err)
		ioremap_next = va + len + PAGE_SIZE;	/* leave a guard page */
	else
		pgtable_unmap_range(&init_mm, va, len, NULL);	/* drop a partial map */
	spin_unlock(&init_mm.page_table_lock);
	if (err) {
		printk("ioremap: %llx+%llx: error %d\n", (unsigned long long)pa,
		       (unsigned long long)size, err);
		return NULL;
	}
	return (void *)(va + (pa - base));
}
