/* <sys/mman.h>: memory-mapping calls with Linux constant values. */
#ifndef _USER_SYS_MMAN_H
#define _USER_SYS_MMAN_H

#include <sys/types.h>
#include <stddef.h>

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_ANON	MAP_ANONYMOUS
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_FAILED	((void *)-1)

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11
#define MADV_MERGEABLE	12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE	14
#define MADV_NOHUGEPAGE	15
#define MADV_COLD	20
#define MADV_PAGEOUT	21
#define MADV_POPULATE_READ  22
#define MADV_POPULATE_WRITE 23
#define MADV_COLLAPSE	25

#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2
#define MREMAP_DONTUNMAP 4

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);

#endif
