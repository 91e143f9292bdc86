/*
 * struct stat as arm64 Linux's fstat/newfstatat write it: the asm-generic
 * layout (128 bytes; include/uapi/asm-generic/stat.h).
 */
#ifndef ASM_STAT_H
#define ASM_STAT_H

#include <kernel/types.h>

struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned long st_rdev;
	unsigned long __pad1;
	long st_size;
	int st_blksize;
	int __pad2;
	long st_blocks;		/* 512-byte blocks */
	long st_atime;
	unsigned long st_atime_nsec;
	long st_mtime;
	unsigned long st_mtime_nsec;
	long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned int __unused4;
	unsigned int __unused5;
};

_Static_assert(sizeof(struct stat) == 128, "arm64 struct stat is 128 bytes");

#endif
