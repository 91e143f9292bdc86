/*
 * The files through which mm/ shows its state to user space (uapi.md
 * "Files that expose memory state" and "Pins"): each *_init() registers
 * its files with procfs/sysfs; mm_files_init() calls them all, once, from
 * vfs_init() after /proc and /sys exist.
 *
 *   mm/proc_pagemap.c  /proc/<pid>/pagemap, /proc/<pid>/pageinfo,
 *                      /proc/kpageflags
 *   mm/proc_smaps.c    /proc/<pid>/smaps
 *   mm/proc_vmstat.c   /proc/vmstat
 *   mm/gup_test.c      /sys/kernel/debug/gup_test
 */
#ifndef MM_PROC_FILES_H
#define MM_PROC_FILES_H

void mm_files_init(void);

void proc_pagemap_init(void);
void proc_smaps_init(void);
void proc_vmstat_init(void);
void gup_test_init(void);

#endif
