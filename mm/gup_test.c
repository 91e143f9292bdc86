/*
 * /sys/kernel/debug/gup_test: Linux's long-term pin test device (uapi.md
 * "Pins"), standing in for a driver that pins user memory for DMA. One
 * set of pinned pages, global to the device as in Linux:
 *
 *   PIN_LONGTERM_TEST_START  pin [addr, addr + size) (flags: bit 0 write
 *                            pin, bit 1 the lockless fast variant)
 *   PIN_LONGTERM_TEST_READ   copy the pinned pages' current contents to a
 *                            user buffer (what a device would read)
 *   PIN_LONGTERM_TEST_STOP   unpin (also done when the file is closed)
 *
 * Locking: gup_test_mutex serialises the ioctls and guards the pin state;
 * pinning takes the caller's mmap_lock inside it.
 */
#include <kernel/mutex.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/vfs.h>
#include <mm/gup.h>
#include <mm/proc_files.h>
#include <mm/slab.h>

#define PIN_LONGTERM_TEST_FLAG_USE_WRITE 0x1
#define PIN_LONGTERM_TEST_FLAG_USE_FAST 0x2

struct pin_longterm_test {
	u64 addr;
	u64 size;
	u32 flags;
};

/* Linux's _IOC encoding (the same on x86-64 and arm64). */
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((size) << 16) | ((type) << 8) | (nr))
#define _IOC_NONE 0U
#define _IOC_WRITE 1U
#define PIN_LONGTERM_TEST_START \
	_IOC(_IOC_WRITE, 'g', 7U, (unsigned int)sizeof(struct pin_longterm_test))
#define PIN_LONGTERM_TEST_STOP _IOC(_IOC_NONE, 'g', 8U, 0U)
#define PIN_LONGTERM_TEST_READ _IOC(_IOC_WRITE, 'g', 9U, (unsigned int)sizeof(u64))

static DEFINE_MUTEX(gup_test_mutex);
static struct page **pinned_pages;	/* NULL when nothing is pinned */
static unsigned long nr_pinned_pages;

/* Drop every pin. gup_test_mutex held. */
static void pin_longterm_test_stop(void)
{
	if (!pinned_pages)
		return;
	unpin_user_pages(pinned_pages, nr_pinned_pages);
	kfree(pinned_pages);
	pinned_pages = NULL;
	nr_pinned_pages = 0;
}

/*
 * Pin the range a struct pin_longterm_test at uarg describes, in the
 * current mm. gup_test_mutex held. 0, or -EINVAL (already pinned, unknown
 * flags, unaligned or empty range), -EFAULT, -ENOMEM; on error nothing
 * stays pinned.
 */
static long pin_longterm_test_start(const void __user *uarg)
{
	unsigned int gup_flags = FOLL_LONGTERM;
	struct pin_longterm_test args;
	unsigned long nr_pages;
	long pinned;

	if (pinned_pages)
		return -EINVAL;
	if (copy_from_user(&args, uarg, sizeof(args)))
		return -EFAULT;
	if (args.flags & ~(PIN_LONGTERM_TEST_FLAG_USE_WRITE | PIN_LONGTERM_TEST_FLAG_USE_FAST))
		return -EINVAL;
	if ((args.addr | args.size) & ~PAGE_MASK || args.size > (~0ULL >> 1))
		return -EINVAL;
	nr_pages = args.size / PAGE_SIZE;
	if (!nr_pages)
		return -EINVAL;
	pinned_pages = kmalloc(nr_pages * sizeof(*pinned_pages), GFP_KERNEL);
	if (!pinned_pages)
		return -ENOMEM;
	if (args.flags & PIN_LONGTERM_TEST_FLAG_USE_WRITE)
		gup_flags |= FOLL_WRITE;
	while (nr_pinned_pages < nr_pages) {
		unsigned long addr = args.addr + nr_pinned_pages * PAGE_SIZE;
		unsigned long nr = nr_pages - nr_pinned_pages;
		struct page **pages = pinned_pages + nr_pinned_pages;

		if (args.flags & PIN_LONGTERM_TEST_FLAG_USE_FAST)
			pinned = pin_user_pages_fast(addr, nr, gup_flags, pages);
		else
			pinned = pin_user_pages(addr, nr, gup_flags, pages);
		if (pinned <= 0) {
			pin_longterm_test_stop();
			return pinned ? pinned : -EFAULT;
		}
		nr_pinned_pages += pinned;
	}
	return 0;
}

/* Copy the pinned pages to the user buffer whose address uarg points to. */
static long pin_longterm_test_read(const void __user *uarg)
{
	unsigned long i;
	u64 user_addr;

	if (!pinned_pages)
		return -EINVAL;
	if (copy_from_user(&user_addr, uarg, sizeof(user_addr)))
		return -EFAULT;
	for (i = 0; i < nr_pinned_pages; i++, user_addr += PAGE_SIZE)
		if (copy_to_user((void __user *)(unsigned long)user_addr,
				 page_address(pinned_pages[i]), PAGE_SIZE))
			return -EFAULT;
	return 0;
}

static long gup_test_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long ret;

	(void)file;
	mutex_lock(&gup_test_mutex);
	switch (cmd) {
	case PIN_LONGTERM_TEST_START:
		ret = pin_longterm_test_start((const void __user *)arg);
		break;
	case PIN_LONGTERM_TEST_STOP:
		pin_longterm_test_stop();
		ret = 0;
		break;
	case PIN_LONGTERM_TEST_READ:
		ret = pin_longterm_test_read((const void __user *)arg);
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&gup_test_mutex);
	return ret;
}

/* As Linux: closing any open file of the device drops the pins. */
static void gup_test_release(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	mutex_lock(&gup_test_mutex);
	pin_longterm_test_stop();
	mutex_unlock(&gup_test_mutex);
}

static const struct file_operations gup_test_fops = {
	.ioctl = gup_test_ioctl,
	.release = gup_test_release,
};

void gup_test_init(void)
{
	if (sysfs_create_ops("kernel/debug/gup_test", 0600, &gup_test_fops))
		printk("gup_test: cannot create /sys/kernel/debug/gup_test\n");
}
