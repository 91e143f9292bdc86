/*
 * The block-device registry of <kernel/blkdev.h>: a list in registration
 * order, and the choice of the swap device. Drivers plug in by calling
 * register_blkdev(); nothing here depends on the driver type.
 */
#include <kernel/blkdev.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

static LIST_HEAD(all_bdevs);
static DEFINE_SPINLOCK(bdev_lock);	/* all_bdevs; taken on its own */

int register_blkdev(struct block_device *bdev)
{
	struct block_device *b;
	int err = 0;

	if (!bdev->name || !bdev->name[0] || !bdev->nr_sectors || !bdev->ops ||
	    !bdev->ops->read || !bdev->ops->write)
		return -EINVAL;
	spin_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, list) {
		if (!strcmp(b->name, bdev->name)) {
			err = -EEXIST;
			break;
		}
	}
	if (!err)
		list_add_tail(&bdev->list, &all_bdevs);
	spin_unlock(&bdev_lock);
	return err;
}

struct block_device *swap_bdev(void)
{
	struct block_device *b = NULL;

	spin_lock(&bdev_lock);
	if (!list_empty(&all_bdevs))
		b = list_first_entry(&all_bdevs, struct block_device, list);
	spin_unlock(&bdev_lock);
	return b;
}

void swap_init(void)
{
	struct block_device *b = swap_bdev();

	if (!b) {
		printk("swap: no block device, running without swap\n");
		return;
	}
	printk("swap: block device %s (%llu MiB) found, swap is not implemented yet\n",
	       b->name, (unsigned long long)(b->nr_sectors >> (20 - SECTOR_SHIFT)));
}
