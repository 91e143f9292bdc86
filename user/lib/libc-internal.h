/* Declarations shared by the user library's files (not a public header). */
#ifndef _USER_LIB_INTERNAL_H
#define _USER_LIB_INTERNAL_H

#include <sys/auxv.h>
#include <sys/stat.h>
#include <stdint.h>

/* The kernel's struct stat of each architecture (Linux layouts). */
#if defined(__x86_64__)
struct kernel_stat {			/* 144 bytes */
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	uint64_t st_atime_sec, st_atime_nsec;
	uint64_t st_mtime_sec, st_mtime_nsec;
	uint64_t st_ctime_sec, st_ctime_nsec;
	int64_t __reserved[3];
};
#else
struct kernel_stat {			/* 128 bytes: asm-generic */
	uint64_t st_dev;
	uint64_t st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint64_t __pad1;
	int64_t st_size;
	int32_t st_blksize;
	int32_t __pad2;
	int64_t st_blocks;
	int64_t st_atime_sec, st_atime_nsec;
	int64_t st_mtime_sec, st_mtime_nsec;
	int64_t st_ctime_sec, st_ctime_nsec;
	uint32_t __reserved4, __reserved5;
};
#endif

/* Fill newlib's struct stat from the kernel's. */
void __stat_from_kernel(struct stat *st, const struct kernel_stat *k);

#endif
