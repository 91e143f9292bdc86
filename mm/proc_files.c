/*
 * Registration of the files mm/ shows to user space (include/mm/proc_files.h).
 */
#include <mm/proc_files.h>

void mm_files_init(void)
{
	proc_pagemap_init();
	proc_smaps_init();
	proc_vmstat_init();
	gup_test_init();
}
