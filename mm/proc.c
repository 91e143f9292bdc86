/*
 * The memory files of /proc, rendered in Linux's formats for the procfs
 * code (kernel/fs/) to hand out: /proc/<pid>/maps and /proc/meminfo.
 */
#include <kernel/seq_buf.h>
#include <mm/page_alloc.h>

#include "internal.h"

/* Linux pads the fixed part of a maps line to this width before the name. */
#define MAPS_NAME_COLUMN 72

/*
 * One line for vma, as Linux's show_map_vma():
 *   00400000-00401000 r-xp 00000000 00:00 0          (padding)  [heap]
 * Anonymous memory shows offset 0, device 00:00 and inode 0. mmap_lock
 * held.
 */
void show_map_vma(struct seq_buf *s, struct vm_area_struct *vma)
{
	unsigned long f = vma->vm_flags;
	size_t line = s->len;
	int pad;

	seq_printf(s, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", vma->vm_start,
		   vma->vm_end, f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
		   f & VM_EXEC ? 'x' : '-', f & VM_SHARED ? 's' : 'p', 0UL, 0, 0, 0UL);
	if (vma->name) {
		pad = MAPS_NAME_COLUMN - (int)(s->len - line);
		seq_printf(s, "%*s %s", pad > 0 ? pad : 0, "", vma->name);
	}
	seq_write(s, "\n", 1);
}

/* Every VMA's line. The caller keeps mm alive; this takes mmap_lock for reading. */
void show_maps(struct seq_buf *s, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	down_read(&mm->mmap_lock);
	for_each_vma(mm, vma)
		show_map_vma(s, vma);
	up_read(&mm->mmap_lock);
}

static void show_val_kb(struct seq_buf *s, const char *name, unsigned long pages)
{
	seq_printf(s, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/* The fields we have, in Linux's order; the rest of memory is not counted yet. */
void show_meminfo(struct seq_buf *s)
{
	unsigned long free = nr_free_pages();

	show_val_kb(s, "MemTotal:", nr_managed_pages());
	show_val_kb(s, "MemFree:", free);
	show_val_kb(s, "MemAvailable:", free);
	show_val_kb(s, "Buffers:", 0);
	show_val_kb(s, "Cached:", 0);
	show_val_kb(s, "SwapTotal:", 0);
	show_val_kb(s, "SwapFree:", 0);
	show_val_kb(s, "AnonPages:", __atomic_load_n(&nr_anon_pages_total, __ATOMIC_RELAXED));
	show_val_kb(s, "AnonHugePages:", 0);
}
