/*
 * Block devices: the registry that swap (and later file systems) find
 * their disks in. A driver fills in a struct block_device and calls
 * register_blkdev() when it probes; nothing else in the kernel knows which
 * driver is behind a device. This is where the block drivers plug in:
 * virtio-blk on QEMU virt (next issue, with swap) and an SD-card driver
 * for the Raspberry Pi (later). Until one registers, swap_init() reports
 * that the kernel runs without swap.
 *
 * Devices are never unregistered, so a pointer returned here stays valid.
 */
#ifndef KERNEL_BLKDEV_H
#define KERNEL_BLKDEV_H

#include <kernel/list.h>
#include <kernel/types.h>

typedef u64 sector_t;	/* a 512-byte sector number or count */

#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1U << SECTOR_SHIFT)

struct block_device;

/*
 * What a driver provides. Both transfer nr_sects sectors starting at
 * sector between the device and buf (kernel memory, SECTOR_SIZE aligned,
 * e.g. a page of the direct map), and return 0 once the data has been
 * transferred, or -errno (-EIO). They may sleep; the caller keeps
 * [sector, sector + nr_sects) within the device's nr_sectors.
 */
struct block_device_operations {
	int (*read)(struct block_device *bdev, sector_t sector, void *buf,
		    unsigned int nr_sects);
	int (*write)(struct block_device *bdev, sector_t sector, const void *buf,
		     unsigned int nr_sects);
};

struct block_device {
	const char *name;	/* unique, as the boot log shows it: "vda", "mmcblk0" */
	sector_t nr_sectors;	/* capacity */
	const struct block_device_operations *ops;
	void *private_data;	/* the driver's */
	struct list_head list;	/* registry, in registration order; block.c's */
};

/*
 * Add bdev to the registry. The driver keeps bdev alive for good and
 * registers only devices the kernel may overwrite as a whole (the
 * SD-card driver: a swap partition, never the boot partition). Returns 0,
 * -EINVAL if a name, a capacity or an operation is missing, or -EEXIST if
 * the name is taken. Any context that may take a spinlock.
 */
int register_blkdev(struct block_device *bdev);

/* The device swap uses: the first one registered, or NULL if there is none. */
struct block_device *swap_bdev(void);

/*
 * Once at boot, after every driver has probed: print the one line that
 * says which device swap would use, or that the kernel runs without swap.
 */
void swap_init(void);

#endif
