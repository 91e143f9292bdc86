/*
 * The memory manager's event counters (include/mm/vmstat.h) and their
 * /proc/vmstat names.
 */
#include <kernel/compiler.h>
#include <mm/vmstat.h>

unsigned long vm_events[NR_VM_EVENT_ITEMS];

static const char *const vm_event_names[NR_VM_EVENT_ITEMS] = {
	[PGFAULT] = "pgfault",
	[PGMAJFAULT] = "pgmajfault",
	[COW_FAULT] = "cow_fault",
	[COW_REUSE] = "cow_reuse",
	[UNSHARE_FAULT] = "unshare_fault",
	[ZERO_PAGE_MAP] = "zero_page_map",
	[THP_FAULT_ALLOC] = "thp_fault_alloc",
	[THP_FAULT_FALLBACK] = "thp_fault_fallback",
	[THP_COLLAPSE_ALLOC] = "thp_collapse_alloc",
	[THP_COLLAPSE_ALLOC_FAILED] = "thp_collapse_alloc_failed",
	[THP_SPLIT_PAGE] = "thp_split_page",
	[THP_SPLIT_PMD] = "thp_split_pmd",
	[THP_SWPOUT] = "thp_swpout",
	[THP_SWPOUT_FALLBACK] = "thp_swpout_fallback",
	[PSWPIN] = "pswpin",
	[PSWPOUT] = "pswpout",
};

const char *vm_event_name(enum vm_event_item item)
{
	return (unsigned int)item < NR_VM_EVENT_ITEMS ? vm_event_names[item] : "?";
}
