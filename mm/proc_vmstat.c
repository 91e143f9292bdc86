/*
 * /proc/vmstat: "name value" lines as Linux prints them, first the page
 * counts we keep (nr_free_pages, nr_anon_pages), then every event counter
 * of include/mm/vmstat.h (pgfault, pgmajfault, ..., thp_* and pswp*,
 * which stay 0 until the THP and swap issues count them).
 */
#include <kernel/printk.h>
#include <kernel/seq_buf.h>
#include <kernel/vfs.h>
#include <mm/page_alloc.h>
#include <mm/proc_files.h>
#include <mm/vmstat.h>

#include "internal.h"

static void show_vmstat(struct seq_buf *s)
{
	int i;

	seq_printf(s, "nr_free_pages %lu\n", nr_free_pages());
	seq_printf(s, "nr_anon_pages %lu\n",
		   __atomic_load_n(&nr_anon_pages_total, __ATOMIC_RELAXED));
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		seq_printf(s, "%s %lu\n", vm_event_name(i), vm_event_count(i));
}

void proc_vmstat_init(void)
{
	if (proc_create("vmstat", show_vmstat))
		printk("proc: cannot create vmstat\n");
}
