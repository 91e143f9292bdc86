/*
 * Self-tests of the user-copy routines and the exception table. They run
 * in kernel context on init_mm, whose user half is empty: every user
 * address faults, which is what the fixup path needs. One test maps a
 * user page into init_mm for a moment to check a copy that stops halfway
 * (and that stac/clac let it through SMAP).
 */
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <mm/page_alloc.h>
#include <mm/pgtable.h>
#include <asm/extable.h>

#define TEST_USER_VA 0x10000UL	/* MMAP_MIN_ADDR: never mapped in init_mm */

extern char _text[], _etext[];
extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

KTEST(x86_uaccess_unmapped_user_address_copies_nothing)
{
	char buf[16];
	void __user *u = (void __user *)TEST_USER_VA;

	memset(buf, 0x5a, sizeof(buf));
	KTEST_ASSERT(copy_from_user(buf, u, sizeof(buf)) == sizeof(buf),
		     "copy_from_user of an unmapped address must copy nothing");
	KTEST_ASSERT(buf[0] == 0x5a && buf[15] == 0x5a, "destination was written");
	KTEST_ASSERT(copy_to_user(u, buf, sizeof(buf)) == sizeof(buf),
		     "copy_to_user to an unmapped address must copy nothing");
	KTEST_ASSERT(clear_user(u, sizeof(buf)) == sizeof(buf),
		     "clear_user of an unmapped address must clear nothing");
	KTEST_ASSERT(copy_from_user(buf, u, 0) == 0, "an empty copy always succeeds");
}

KTEST(x86_uaccess_kernel_address_is_refused)
{
	static char secret[8] = "secret";
	char buf[8] = { 0 };

	KTEST_ASSERT(copy_from_user(buf, (const void __user *)secret, sizeof(buf)) ==
			     sizeof(buf), "a kernel source address must be refused");
	KTEST_ASSERT(buf[0] == 0, "kernel memory was copied");
	KTEST_ASSERT(copy_to_user((void __user *)secret, buf, sizeof(buf)) == sizeof(buf),
		     "a kernel destination address must be refused");
	KTEST_ASSERT(secret[0] == 's', "kernel memory was overwritten");
	KTEST_ASSERT(copy_from_user(buf, (const void __user *)(USER_VA_END - 4), 8) == 8,
		     "a range running past the user half must be refused");
}

KTEST(x86_extable_entries_point_into_text)
{
	const struct exception_table_entry *e;

	KTEST_ASSERT(__stop___ex_table - __start___ex_table >= 2,
		     "the user-copy routines must have table entries");
	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		KTEST_ASSERT(e->insn >= (unsigned long)_text && e->insn < (unsigned long)_etext &&
				     e->fixup >= (unsigned long)_text &&
				     e->fixup < (unsigned long)_etext,
			     "entry %lx -> %lx is outside the kernel text", e->insn, e->fixup);
		KTEST_ASSERT(search_exception_tables(e->insn) == e, "lookup of %lx failed",
			     e->insn);
	}
	KTEST_ASSERT(!search_exception_tables((unsigned long)_text),
		     "an ordinary instruction has no entry");
}

/* Map one user page at TEST_USER_VA in init_mm; drop it and its tables. */
static bool map_test_user_page(struct folio *f)
{
	int err;

	spin_lock(&init_mm.page_table_lock);
	err = pgtable_map_range(&init_mm, TEST_USER_VA, page_to_phys(&f->page), PAGE_SIZE,
				vm_get_page_prot(VM_READ | VM_WRITE), 0);
	spin_unlock(&init_mm.page_table_lock);
	return !err;
}

static void unmap_test_user_page(void)
{
	pgd_t *pgdp = init_mm.pgd + pgd_index(TEST_USER_VA);

	spin_lock(&init_mm.page_table_lock);
	pgtable_unmap_range(&init_mm, TEST_USER_VA, PAGE_SIZE, NULL);
	/* The walker keeps PGD entries; the user half of init_mm stays empty. */
	pgtable_free_page(pgd_table_pa(*pgdp));
	set_pgd(pgdp, __pgd(0));
	spin_unlock(&init_mm.page_table_lock);
	flush_tlb_all();
}

KTEST(x86_uaccess_stops_at_the_end_of_the_mapping)
{
	struct folio *f = folio_alloc(0, __GFP_ZERO);
	char *kva, buf[32];
	char __user *end = (char __user *)(TEST_USER_VA + PAGE_SIZE);
	unsigned long left_to, left_from;

	KTEST_ASSERT(f, "no memory");
	kva = folio_address(f);
	if (!map_test_user_page(f)) {
		folio_put(f);
		KTEST_ASSERT(false, "cannot map the test page");
	}
	memset(buf, 0x42, sizeof(buf));
	left_to = copy_to_user(end - 8, buf, sizeof(buf));
	memset(buf, 0, sizeof(buf));
	left_from = copy_from_user(buf, end - 8, sizeof(buf));
	unmap_test_user_page();

	KTEST_ASSERT(left_to == sizeof(buf) - 8, "copy_to_user left %lu, expected %lu", left_to,
		     sizeof(buf) - 8);
	KTEST_ASSERT(left_from == sizeof(buf) - 8, "copy_from_user left %lu", left_from);
	KTEST_ASSERT(kva[PAGE_SIZE - 8] == 0x42 && kva[PAGE_SIZE - 1] == 0x42,
		     "the mapped part was not written");
	KTEST_ASSERT(buf[0] == 0x42 && buf[7] == 0x42 && buf[8] == 0,
		     "the mapped part was not read, or more was");
	folio_put(f);
}

/* A plain kernel read of a user page (no stac) must Oops under SMAP. */
KTEST_DEATH(x86_smap_stray_user_access_oops)
{
	struct folio *f = folio_alloc(0, __GFP_ZERO);

	KTEST_ASSERT(f && map_test_user_page(f), "cannot map the test page");
	(void)*(volatile char *)TEST_USER_VA;
	unmap_test_user_page();
	KTEST_ASSERT(false, "the kernel read a user page without stac (no SMAP?)");
}
