/*
 * Event counters of the memory manager (mm/vmstat.c), /proc/vmstat's
 * event part: one global array of unsigned long, bumped with relaxed
 * atomics. Names are Linux's.
 */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

enum vm_event_item {
	PGFAULT,		/* every user page fault handled */
	PGMAJFAULT,		/* faults that needed I/O (swap, later) */
	COW_FAULT,		/* ours: write faults that copied a page */
	COW_REUSE,		/* ours: write faults that reused the page */
	UNSHARE_FAULT,		/* ours: unshare faults (read-only pins) */
	ZERO_PAGE_MAP,		/* ours: read faults that mapped the zero page */
	THP_FAULT_ALLOC,	/* the THP issue's counters (0 until then) */
	THP_FAULT_FALLBACK,
	THP_COLLAPSE_ALLOC,
	THP_COLLAPSE_ALLOC_FAILED,
	THP_SPLIT_PAGE,
	THP_SPLIT_PMD,
	THP_SWPOUT,
	THP_SWPOUT_FALLBACK,
	PSWPIN,			/* the swap issue's (0 until then) */
	PSWPOUT,
	NR_VM_EVENT_ITEMS
};

extern unsigned long vm_events[NR_VM_EVENT_ITEMS];

static inline void count_vm_events(enum vm_event_item item, long delta)
{
	__atomic_fetch_add(&vm_events[item], (unsigned long)delta, __ATOMIC_RELAXED);
}
static inline void count_vm_event(enum vm_event_item item)
{
	count_vm_events(item, 1);
}
static inline unsigned long vm_event_count(enum vm_event_item item)
{
	return __atomic_load_n(&vm_events[item], __ATOMIC_RELAXED);
}
/* "pgfault", "thp_fault_alloc", ... as /proc/vmstat prints them. */
const char *vm_event_name(enum vm_event_item item);

#endif
