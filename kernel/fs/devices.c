/*
 * The memory devices /dev/null (1:3) and /dev/zero (1:5): reads give
 * nothing or zeroes, writes swallow everything, seeks succeed and do
 * nothing, as on Linux.
 */
#include <kernel/printk.h>

#include "internal.h"

static ssize_t null_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	(void)file, (void)buf, (void)n, (void)pos;
	return 0;
}

static ssize_t null_write(struct file *file, const char __user *buf, size_t n, loff_t *pos)
{
	(void)file, (void)buf, (void)pos;
	return n;
}

static loff_t noop_llseek(struct file *file, loff_t off, int whence)
{
	(void)off, (void)whence;
	return file->pos;
}

static ssize_t zero_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	size_t left = clear_user(buf, n);

	(void)file, (void)pos;
	if (left == n && n)
		return -EFAULT;
	return n - left;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
	.llseek = noop_llseek,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
	.llseek = noop_llseek,
};

void devices_init(void)
{
	if (register_chrdev(MKDEV(1, 3), &null_fops) ||
	    register_chrdev(MKDEV(1, 5), &zero_fops))
		printk("devices: cannot register /dev/null, /dev/zero\n");
}
