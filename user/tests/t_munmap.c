/*
 * munmap(2) of part of a mapping: a hole in the middle splits the VMA in
 * two, the head and the tail can go on their own, one call can span
 * several VMAs; what stays keeps its data, what went faults and has no
 * pages (pagemap).
 */
#include "mm_util.h"
#include <signal.h>

#define NPAGES 16

static char *touch_addr;

static void touch(void)
{
	(void)*(volatile char *)touch_addr;
}

static int unmapped(char *addr)
{
	touch_addr = addr;
	return killed_by(run_child(touch), SIGSEGV) && !(pagemap(addr) & PM_PRESENT);
}

int main(void)
{
	const int rwx = PROT_READ | PROT_WRITE | PROT_EXEC;	/* merges with no neighbour */
	char *p = mmap(NULL, NPAGES * PAGE, rwx, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *q;
	long before;

	tap_start();
	fill(p, NPAGES * PAGE, 6);
	check_ok(munmap(p + 6 * PAGE, 2 * PAGE), "munmap of two pages in the middle");
	check(maps_lines(p, NPAGES * PAGE) == 2, "a hole in the middle splits the VMA in two",
	      "%d lines", maps_lines(p, NPAGES * PAGE));
	check(unmapped(p + 6 * PAGE) && unmapped(p + 7 * PAGE), "the hole is unmapped", "mapped");
	check(filled(p, 6 * PAGE, 6), "the part before the hole keeps its data", "lost");
	check(p[8 * PAGE] == (char)(8 * PAGE * 31 + 6) && p[NPAGES * PAGE - 1] == (char)((NPAGES * PAGE - 1) * 31 + 6),
	      "the part after the hole keeps its data", "lost");
	check_ok(munmap(p, PAGE), "munmap of the first page");
	check_ok(munmap(p + (NPAGES - 1) * PAGE, PAGE), "munmap of the last page");
	check(unmapped(p) && unmapped(p + (NPAGES - 1) * PAGE) && p[PAGE] == (char)(PAGE * 31 + 6) &&
	      p[(NPAGES - 2) * PAGE] == (char)((NPAGES - 2) * PAGE * 31 + 6),
	      "head and tail cuts leave the rest intact", "wrong");
	check(maps_lines(p, NPAGES * PAGE) == 2, "still two VMAs", "%d lines", maps_lines(p, NPAGES * PAGE));
	check_ok(munmap(p + 4 * PAGE, 8 * PAGE), "munmap across the hole (two VMAs in one call)");
	check(unmapped(p + 4 * PAGE) && unmapped(p + 11 * PAGE) && p[3 * PAGE] == (char)(3 * PAGE * 31 + 6) &&
	      p[12 * PAGE] == (char)(12 * PAGE * 31 + 6),
	      "munmap across VMAs removes exactly the range", "wrong");
	check_ok(munmap(p, NPAGES * PAGE), "munmap of the whole range with holes in it");
	check(maps_lines(p, NPAGES * PAGE) == 0 && unmapped(p + 3 * PAGE), "nothing is left", "%d lines",
	      maps_lines(p, NPAGES * PAGE));

	/* memory comes back: partial unmaps of 4 MiB leak nothing */
	q = alloc_base_pages(1024 * PAGE);
	fill(q, 1024 * PAGE, 1);
	munmap(q, 1024 * PAGE);
	before = mem_free_kb();
	q = alloc_base_pages(1024 * PAGE);
	fill(q, 1024 * PAGE, 1);
	munmap(q + 100 * PAGE, 300 * PAGE);
	munmap(q + 512 * PAGE, 512 * PAGE);
	munmap(q, 1024 * PAGE);
	check(labs(mem_free_kb() - before) < 256, "partial munmaps give every page back",
	      "MemFree %ld kB -> %ld kB", before, mem_free_kb());
	return tap_done();
}
