/*
 * Host tests of kmalloc/kfree (mm/slab.c) on top of the buddy allocator
 * over fake physical memory.
 */
#include <stdint.h>
#include <string.h>

#include <mm/slab.h>

#include "fake_phys.h"
#include "host.h"

#define NR_MANY 20000

static void *objs[NR_MANY];

static void setup(void)
{
	fake_mem_map_all_free();
	kmalloc_init();
}

/* The size class kmalloc must use for size. */
static size_t class_of(size_t size)
{
	size_t c = 16;

	while (c < size)
		c *= 2;
	return c;
}

TEST(kmalloc_every_size_class_gives_aligned_slab_objects)
{
	static const size_t sizes[] = { 0, 1, 8, 15, 16, 17, 32, 33, 64, 100, 128,
					200, 256, 500, 512, 1000, 1024, 1500, 2048 };

	setup();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t sz = sizes[i], c = class_of(sz);
		unsigned char *p = kmalloc(sz, GFP_KERNEL), *q = kmalloc(sz, GFP_KERNEL);
		struct page *page = virt_to_page(p);

		CHECK(p && q && p != q, "size %zu: two distinct objects", sz);
		CHECK((uintptr_t)p % c == 0, "size %zu: %p not aligned to class %zu", sz, p, c);
		CHECK(PageFlag(page, PG_slab) && page->mapping, "size %zu: not a slab page", sz);
		CHECK(p + c <= q || q + c <= p, "size %zu: objects overlap", sz);
		memset(p, 0xee, sz);
		memset(q, 0xdd, sz);
		CHECK(sz == 0 || p[sz - 1] == 0xee, "size %zu: neighbour clobbered the object", sz);
		kfree(p);
		kfree(q);
	}
}

TEST(kmalloc_large_sizes_get_whole_folios)
{
	static const size_t sizes[] = { 2049, 4096, 4097, 65536, 1 << 20, 4 << 20 };
	unsigned long free0;

	setup();
	free0 = nr_free_pages();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t sz = sizes[i];
		unsigned char *p = kmalloc(sz, GFP_KERNEL);
		struct page *page;

		CHECK(p, "size %zu: no memory", sz);
		if (!p)
			continue;
		page = virt_to_page(p);
		CHECK((uintptr_t)p % PAGE_SIZE == 0, "size %zu: %p not page aligned", sz, p);
		CHECK(PageFlag(page, PG_slab) && !page->mapping, "size %zu: not marked large", sz);
		CHECK(folio_nr_pages(page_folio(page)) * PAGE_SIZE >= sz, "size %zu: folio too small", sz);
		memset(p, 0x3c, sz);
		kfree(p);
	}
	CHECK(nr_free_pages() == free0, "large kfree must return every page");
	CHECK(kmalloc((4 << 20) + 1, GFP_KERNEL) == NULL, "above 4 MiB must fail");
	CHECK(buddy_check(), "free lists inconsistent");
}

TEST(kmalloc_many_objects_are_distinct_and_survive)
{
	size_t bad = 0;

	setup();
	for (size_t i = 0; i < NR_MANY; i++) {
		size_t sz = 8 << (i % 9);	/* 8 .. 2048 */

		objs[i] = kmalloc(sz, GFP_KERNEL);
		if (objs[i])
			memset(objs[i], (int)(i & 0xff), sz);
	}
	for (size_t i = 0; i < NR_MANY; i++) {
		unsigned char *p = objs[i];
		size_t sz = 8 << (i % 9);

		if (!p || p[0] != (i & 0xff) || p[sz - 1] != (i & 0xff))
			bad++;
	}
	CHECK(bad == 0, "%zu objects missing or overwritten", bad);
	for (size_t i = NR_MANY; i > 0; i--)
		kfree(objs[i - 1]);
	CHECK(buddy_check(), "free lists inconsistent");
}

TEST(kfree_null_is_a_no_op)
{
	unsigned long free0;

	setup();
	free0 = nr_free_pages();
	kfree(NULL);
	CHECK(nr_free_pages() == free0, "kfree(NULL) changed memory");
}

TEST(kmalloc_after_kfree_reuses_the_object_and_kzalloc_zeroes)
{
	unsigned char *p, *q;
	size_t bad = 0;

	setup();
	p = kmalloc(200, GFP_KERNEL);
	memset(p, 0xff, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	CHECK(q == p, "the freed object comes back first");
	for (int i = 0; i < 256; i++)
		bad += q[i] != 0;
	CHECK(bad == 0, "kzalloc left %zu non-zero bytes", bad);
	kfree(q);
}

TEST(kmalloc_no_page_leak_after_freeing_everything_and_shrinking)
{
	unsigned long free0;

	setup();
	free0 = nr_free_pages();
	for (size_t i = 0; i < 5000; i++)
		objs[i] = kmalloc(i % 3000, GFP_KERNEL);
	CHECK(nr_free_pages() < free0, "allocations must use pages");
	for (size_t i = 0; i < 5000; i += 2)
		kfree(objs[i]);
	for (size_t i = 1; i < 5000; i += 2)
		kfree(objs[i]);
	CHECK(free0 - nr_free_pages() <= 8, "at most one spare slab per cache, %lu pages held",
	      free0 - nr_free_pages());
	kmalloc_shrink();
	CHECK(nr_free_pages() == free0, "free %lu want %lu", nr_free_pages(), free0);
	CHECK(buddy_check(), "free lists inconsistent");
}

TEST(kfree_double_free_panics)
{
	void *p, *big;

	setup();
	p = kmalloc(48, GFP_KERNEL);
	kmalloc(48, GFP_KERNEL);		/* keeps the slab from emptying */
	kfree(p);
	EXPECT_PANIC(kfree(p));
	CHECK(strstr(host_panic_msg, "double free"), "message: %s", host_panic_msg);
	big = kmalloc(10000, GFP_KERNEL);
	kfree(big);
	EXPECT_PANIC(kfree(big));
	CHECK(strstr(host_panic_msg, "kfree"), "message: %s", host_panic_msg);
}

TEST(kfree_of_a_pointer_kmalloc_never_returned_panics)
{
	unsigned char *small, *big;
	struct folio *f;
	int on_stack;

	setup();
	small = kmalloc(64, GFP_KERNEL);
	EXPECT_PANIC(kfree(small + 8));
	CHECK(strstr(host_panic_msg, "not an object"), "inside an object: %s", host_panic_msg);
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	EXPECT_PANIC(kfree(big + 16));
	CHECK(strstr(host_panic_msg, "inside a large"), "inside a large: %s", host_panic_msg);
	EXPECT_PANIC(kfree(big + PAGE_SIZE));
	CHECK(strstr(host_panic_msg, "not allocated"), "tail page: %s", host_panic_msg);
	f = folio_alloc(0, GFP_KERNEL);
	EXPECT_PANIC(kfree(folio_address(f)));
	CHECK(strstr(host_panic_msg, "not allocated"), "buddy page: %s", host_panic_msg);
	EXPECT_PANIC(kfree(&on_stack));
	CHECK(strstr(host_panic_msg, "outside"), "stack pointer: %s", host_panic_msg);
}

TEST(kmalloc_catches_a_write_after_free)
{
	unsigned char *p;

	setup();
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[40] = 1;			/* a dangling write */
	EXPECT_PANIC(kmalloc(64, GFP_KERNEL));
	CHECK(strstr(host_panic_msg, "written after free"), "message: %s", host_panic_msg);
}
