/*
 * Self-tests of kmalloc on the live system: every size class and a large
 * size give usable, aligned memory, kzalloc zeroes, and freeing everything
 * (then shrinking) gives every page back.
 */
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <mm/slab.h>

KTEST(kmalloc_across_classes)
{
	unsigned long free0 = nr_free_pages();
	void *objs[14];	/* sizes 2^0 .. 2^13 */
	size_t size;
	int i = 0;

	for (size = 1; size <= 4096 * 2; size *= 2, i++) {
		unsigned char *p = kmalloc(size, GFP_KERNEL);

		KTEST_ASSERT(p, "kmalloc(%zu) failed", size);
		KTEST_ASSERT((unsigned long)p % MIN(size, PAGE_SIZE) == 0,
			     "kmalloc(%zu) = %p misaligned", size, p);
		memset(p, 0x5a, size);
		objs[i] = p;
	}
	while (i--)
		kfree(objs[i]);
	kmalloc_shrink();
	KTEST_ASSERT(nr_free_pages() >= free0, "%lu pages leaked", free0 - nr_free_pages());
}

KTEST(kzalloc_zeroes)
{
	unsigned char *p = kmalloc(512, GFP_KERNEL);
	int i, bad = 0;

	KTEST_ASSERT(p, "kmalloc failed");
	memset(p, 0xff, 512);
	kfree(p);
	p = kzalloc(512, GFP_KERNEL);
	KTEST_ASSERT(p, "kzalloc failed");
	for (i = 0; i < 512; i++)
		bad += p[i] != 0;
	kfree(p);
	KTEST_ASSERT(bad == 0, "%d bytes not zeroed", bad);
}

/* Death test: the second kfree must panic with "double free". */
KTEST_DEATH(kfree_double_free_panics)
{
	void *keep = kmalloc(32, GFP_KERNEL), *p = kmalloc(32, GFP_KERNEL);

	KTEST_ASSERT(keep && p, "kmalloc failed");
	kfree(p);
	kfree(p);
}
