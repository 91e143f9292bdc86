/*
 * Host tests for kernel/block.c: register_blkdev() checks and orders the
 * devices, swap_bdev() is NULL until one registers and then the first,
 * and swap_init() prints one line either way. The tests run in order and
 * share the registry (devices are never unregistered).
 */
#include <kernel/blkdev.h>
#include <kernel/errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

static int no_read(struct block_device *bdev, sector_t sector, void *buf, unsigned int n)
{
	(void)bdev, (void)sector, (void)buf, (void)n;
	return -EIO;
}

static int no_write(struct block_device *bdev, sector_t sector, const void *buf,
		    unsigned int n)
{
	(void)bdev, (void)sector, (void)buf, (void)n;
	return -EIO;
}

static const struct block_device_operations ops = { .read = no_read, .write = no_write };
static const struct block_device_operations no_write_ops = { .read = no_read };

/* What swap_init() prints (printk is printf on the host), in out. */
static void swap_init_output(char *out, size_t size)
{
	FILE *tmp = tmpfile();
	int saved = dup(STDOUT_FILENO);
	size_t n;

	fflush(stdout);
	dup2(fileno(tmp), STDOUT_FILENO);
	swap_init();
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(out, 1, size - 1, tmp);
	out[n] = '\0';
	fclose(tmp);
}

TEST(no_device_registered_no_swap)
{
	char out[256];

	CHECK(swap_bdev() == NULL, "a swap device out of nowhere");
	swap_init_output(out, sizeof(out));
	CHECK(!strcmp(out, "swap: no block device, running without swap\n"), "printed '%s'", out);
}

TEST(register_rejects_incomplete_devices)
{
	struct block_device nameless = { .nr_sectors = 8, .ops = &ops };
	struct block_device empty_name = { .name = "", .nr_sectors = 8, .ops = &ops };
	struct block_device empty = { .name = "vdz", .ops = &ops };
	struct block_device no_ops = { .name = "vdz", .nr_sectors = 8 };
	struct block_device read_only = { .name = "vdz", .nr_sectors = 8, .ops = &no_write_ops };

	CHECK(register_blkdev(&nameless) == -EINVAL, "no name");
	CHECK(register_blkdev(&empty_name) == -EINVAL, "empty name");
	CHECK(register_blkdev(&empty) == -EINVAL, "no sectors");
	CHECK(register_blkdev(&no_ops) == -EINVAL, "no operations");
	CHECK(register_blkdev(&read_only) == -EINVAL, "no write operation");
	CHECK(swap_bdev() == NULL, "a rejected device became the swap device");
}

static struct block_device vda = { .name = "vda", .nr_sectors = 64 << (20 - SECTOR_SHIFT),
				   .ops = &ops };
static struct block_device mmcblk0 = { .name = "mmcblk0", .nr_sectors = 8, .ops = &ops };

TEST(first_registered_device_is_the_swap_device)
{
	char out[256];

	CHECK(register_blkdev(&vda) == 0, "vda");
	CHECK(swap_bdev() == &vda, "swap on vda");
	CHECK(register_blkdev(&mmcblk0) == 0, "a second device type");
	CHECK(swap_bdev() == &vda, "swap stays on the first device");
	swap_init_output(out, sizeof(out));
	CHECK(!strcmp(out, "swap: block device vda (64 MiB) found, swap is not implemented yet\n"),
	      "printed '%s'", out);
}

TEST(register_rejects_a_taken_name)
{
	struct block_device again = { .name = "mmcblk0", .nr_sectors = 16, .ops = &ops };

	CHECK(register_blkdev(&again) == -EEXIST, "mmcblk0 twice");
	CHECK(swap_bdev() == &vda, "swap device unchanged");
}
