/*
 * Host tests of the VMA tree (mm/vma.c): insert, lookup, split, merge,
 * unmapped-area search, checked against the invariants of mm/vma.c after
 * every change, at scale (thousands of VMAs). kmalloc is libc's malloc
 * here, so AddressSanitizer sees every leaked or reused VMA.
 */
#include <stdlib.h>
#include <string.h>

#include <kernel/errno.h>
#include <mm/slab.h>

#include "../../mm/vma.h"
#include "fake_mm.h"
#include "host.h"

/* Sorted, non-overlapping, aligned, in range, and map_count right. */
static bool tree_ok(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long prev_end = 0;
	int n = 0;

	for_each_vma(mm, vma) {
		if (vma->vm_start < prev_end || vma->vm_start >= vma->vm_end ||
		    offset_in_page(vma->vm_start | vma->vm_end) ||
		    vma->vm_start < MMAP_MIN_ADDR || vma->vm_end > TASK_SIZE)
			return false;
		prev_end = vma->vm_end;
		n++;
	}
	return n == mm->map_count;
}

#define RW (VM_READ | VM_WRITE)
#define PG PAGE_SIZE

TEST(vma_find_vma_returns_first_vma_ending_above)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma;

	CHECK(!find_vma(mm, 0x400000), "empty mm has a VMA");
	CHECK(vm_map_anon_fixed(mm, 0x400000, 2 * PG, VM_READ, NULL) == 0, "map a");
	CHECK(vm_map_anon_fixed(mm, 0x800000, PG, RW, NULL) == 0, "map b");
	vma = find_vma(mm, 0);
	CHECK(vma && vma->vm_start == 0x400000, "below a: a");
	vma = find_vma(mm, 0x401fff);
	CHECK(vma && vma->vm_start == 0x400000, "last byte of a: a");
	vma = find_vma(mm, 0x402000);
	CHECK(vma && vma->vm_start == 0x800000, "end of a: b");
	CHECK(!find_vma(mm, 0x801000), "above b: none");
	CHECK(!find_vma_intersection(mm, 0x402000, 0x800000), "gap is free");
	CHECK(find_vma_intersection(mm, 0x402000, 0x800001), "gap + 1 hits b");
	free_mm(mm);
}

TEST(vma_map_fixed_rejects_overlap_misalignment_and_range)
{
	struct mm_struct *mm = new_mm();

	CHECK(vm_map_anon_fixed(mm, 0x400000, 4 * PG, RW, NULL) == 0, "map");
	CHECK(vm_map_anon_fixed(mm, 0x403000, PG, RW, NULL) == -EEXIST, "overlap end");
	CHECK(vm_map_anon_fixed(mm, 0x3ff000, 2 * PG, RW, NULL) == -EEXIST, "overlap start");
	CHECK(vm_map_anon_fixed(mm, 0x500001, PG, RW, NULL) == -EINVAL, "unaligned");
	CHECK(vm_map_anon_fixed(mm, 0x500000, 0, RW, NULL) == -EINVAL, "empty");
	CHECK(vm_map_anon_fixed(mm, 0x1000, PG, RW, NULL) == -EINVAL, "below MMAP_MIN_ADDR");
	CHECK(vm_map_anon_fixed(mm, TASK_SIZE - PG, 2 * PG, RW, NULL) == -EINVAL, "past TASK_SIZE");
	CHECK(vm_map_anon_fixed(mm, TASK_SIZE - PG, -PG, RW, NULL) == -EINVAL, "wraps");
	CHECK(vm_map_anon_fixed(mm, 0x500000, 1, RW, NULL) == 0, "len rounds up");
	CHECK(find_vma(mm, 0x500000)->vm_end == 0x501000, "rounded to a page");
	CHECK(mm->map_count == 2 && tree_ok(mm), "two VMAs");
	free_mm(mm);
}

TEST(vma_adjacent_same_flags_merge_different_do_not)
{
	struct mm_struct *mm = new_mm();
	static const char heap[] = "[heap]";

	CHECK(vm_map_anon_fixed(mm, 0x400000, PG, RW, NULL) == 0, "a");
	CHECK(vm_map_anon_fixed(mm, 0x402000, PG, RW, NULL) == 0, "c");
	CHECK(mm->map_count == 2, "a and c apart");
	CHECK(vm_map_anon_fixed(mm, 0x401000, PG, RW, NULL) == 0, "b between");
	CHECK(mm->map_count == 1 && vma_first(mm)->vm_end == 0x403000,
	      "a b c merged into one: %d VMAs", mm->map_count);
	CHECK(vm_map_anon_fixed(mm, 0x403000, PG, VM_READ, NULL) == 0, "other flags");
	CHECK(vm_map_anon_fixed(mm, 0x404000, PG, RW, heap) == 0, "other name");
	CHECK(mm->map_count == 3 && tree_ok(mm), "no merge across flags or names: %d",
	      mm->map_count);
	free_mm(mm);
}

TEST(vma_split_cuts_in_two_and_split_range_aligns_both_ends)
{
	struct mm_struct *mm = new_mm();
	struct vm_area_struct *vma;

	CHECK(vm_map_anon_fixed(mm, 0x400000, 16 * PG, RW, NULL) == 0, "map");
	vma = find_vma(mm, 0x400000);
	CHECK(split_vma(mm, vma, 0x404000) == 0, "split");
	CHECK(vma->vm_end == 0x404000 && mm->map_count == 2, "low half");
	vma = find_vma(mm, 0x404000);
	CHECK(vma->vm_start == 0x404000 && vma->vm_end == 0x410000 && vma->vm_flags == RW,
	      "high half keeps the flags");
	CHECK(vma_split_range(mm, 0x406000, 0x408000) == 0, "split range");
	CHECK(mm->map_count == 4 && tree_ok(mm), "four VMAs: %d", mm->map_count);
	vma = find_vma(mm, 0x406000);
	CHECK(vma->vm_start == 0x406000 && vma->vm_end == 0x408000, "middle piece");
	CHECK(vma_split_range(mm, 0x406000, 0x408000) == 0 && mm->map_count == 4,
	      "already split: nothing to do");
	CHECK(vma_split_range(mm, 0x500000, 0x600000) == 0 && mm->map_count == 4,
	      "unmapped range: nothing to do");
	free_mm(mm);
}

TEST(vma_get_unmapped_area_top_down_and_hints)
{
	struct mm_struct *mm = new_mm();
	long a, b;

	a = get_unmapped_area(mm, 0, 4 * PG);
	CHECK(a == (long)(MMAP_BASE - 4 * PG), "first area right below mmap_base: %lx", a);
	CHECK(vma_map_anon(mm, a, a + 4 * PG, RW, NULL) == 0, "map a");
	b = get_unmapped_area(mm, 0, PG);
	CHECK(b == a - (long)PG, "next one right below: %lx", b);
	CHECK(get_unmapped_area(mm, 0x12345678, PG) == 0x12346000, "free hint, aligned up");
	CHECK(get_unmapped_area(mm, a + PG, PG) == b, "busy hint: top-down instead");
	CHECK(get_unmapped_area(mm, TASK_SIZE - PG, 2 * PG) == b - (long)PG,
	      "hint past TASK_SIZE ignored");
	CHECK(get_unmapped_area(mm, 0x1000, PG) == b, "hint below MMAP_MIN_ADDR ignored");
	CHECK(get_unmapped_area(mm, 0, TASK_SIZE) == -ENOMEM, "too large");
	CHECK(get_unmapped_area(mm, 0, MMAP_BASE - MMAP_MIN_ADDR - 4 * PG) == MMAP_MIN_ADDR,
	      "exactly the space below a");
	CHECK(get_unmapped_area(mm, 0, MMAP_BASE - MMAP_MIN_ADDR - 3 * PG) == -ENOMEM,
	      "one page too many");
	free_mm(mm);
}

TEST(vma_get_unmapped_area_finds_hole_between_vmas)
{
	struct mm_struct *mm = new_mm();
	unsigned long top = MMAP_BASE;

	/* [top-3P, top-2P) busy, [top-2P, top-P) free, [top-P, top) busy */
	CHECK(vma_map_anon(mm, top - PG, top, RW, NULL) == 0, "top");
	CHECK(vma_map_anon(mm, top - 3 * PG, top - 2 * PG, VM_READ, NULL) == 0, "low");
	CHECK(get_unmapped_area(mm, 0, PG) == (long)(top - 2 * PG), "one-page hole used");
	CHECK(get_unmapped_area(mm, 0, 2 * PG) == (long)(top - 5 * PG), "two pages: below");
	/* A VMA straddling mmap_base. */
	CHECK(vma_map_anon(mm, top + PG, top + 3 * PG, VM_READ, NULL) == 0, "above base");
	mm->mmap_base = top + 2 * PG;
	CHECK(get_unmapped_area(mm, 0, PG) == (long)top, "gap [top, top+P) below the straddler");
	free_mm(mm);
}

/* Thousands of VMAs: alternate flags so nothing merges, then punch holes. */
TEST(vma_tree_at_scale_insert_split_unlink)
{
	enum { N = 20000 };
	struct mm_struct *mm = new_mm();
	unsigned long base = 0x10000000;
	bool ok = true;
	int i;

	for (i = 0; i < N && ok; i++) {
		/* insert in a scrambled order */
		unsigned long k = (unsigned long)i * 7919 % N;

		ok = vm_map_anon_fixed(mm, base + k * 4 * PG, 2 * PG,
				       k & 1 ? RW : VM_READ, NULL) == 0;
	}
	CHECK(ok && mm->map_count == N && tree_ok(mm), "%d inserts: count %d", N,
	      mm->map_count);
	for (i = 0; i < N && ok; i += 3) {
		struct vm_area_struct *vma = find_vma(mm, base + (unsigned long)i * 4 * PG);

		ok = vma && vma->vm_start == base + (unsigned long)i * 4 * PG &&
		     split_vma(mm, vma, vma->vm_start + PG) == 0;
	}
	CHECK(ok && tree_ok(mm), "splits");
	CHECK(mm->map_count == N + (N + 2) / 3, "count after splits %d", mm->map_count);
	for (i = 0; i < N && ok; i += 2) {
		struct vm_area_struct *vma = find_vma(mm, base + (unsigned long)i * 4 * PG);

		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	CHECK(ok && tree_ok(mm), "unlinks");
	for (i = 0; i < N && ok; i++) {
		unsigned long a = base + (unsigned long)i * 4 * PG + 2 * PG;
		struct vm_area_struct *vma = find_vma(mm, a);

		ok = !vma || vma->vm_start >= a;
		ok = ok && !find_vma_intersection(mm, a, a + 2 * PG);
	}
	CHECK(ok, "gaps between VMAs stay free");
	free_mm(mm);
}
