/*
 * struct mm_struct: one address space. For now it holds only what the
 * page-table code needs; VMAs, the mmap lock and counters come with the
 * anonymous-memory issue. init_mm describes the kernel's own tables.
 */
#ifndef MM_MM_TYPES_H
#define MM_MM_TYPES_H

#include <kernel/spinlock.h>
#include <mm/arch.h>

struct mm_struct {
	pgd_t *pgd;			/* top-level table (direct-map address) */
	spinlock_t page_table_lock;	/* serialises changes to the tables */
};

extern struct mm_struct init_mm;

#endif
