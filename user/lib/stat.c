/*
 * fstat/stat/fstatat: the kernel writes its own struct stat layout, which
 * differs from newlib's; convert field by field.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include "libc-internal.h"
#include "syscall.h"

#if defined(__x86_64__)
_Static_assert(sizeof(struct kernel_stat) == 144, "x86-64 struct stat");
#else
_Static_assert(sizeof(struct kernel_stat) == 128, "generic struct stat");
#endif

void __stat_from_kernel(struct stat *st, const struct kernel_stat *k)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = (dev_t)k->st_dev;
	st->st_ino = (ino_t)k->st_ino;
	st->st_mode = (mode_t)k->st_mode;
	st->st_nlink = (nlink_t)k->st_nlink;
	st->st_uid = (uid_t)k->st_uid;
	st->st_gid = (gid_t)k->st_gid;
	st->st_rdev = (dev_t)k->st_rdev;
	st->st_size = (off_t)k->st_size;
	st->st_blksize = (blksize_t)k->st_blksize;
	st->st_blocks = (blkcnt_t)k->st_blocks;
	st->st_atim.tv_sec = (time_t)k->st_atime_sec;
	st->st_atim.tv_nsec = (long)k->st_atime_nsec;
	st->st_mtim.tv_sec = (time_t)k->st_mtime_sec;
	st->st_mtim.tv_nsec = (long)k->st_mtime_nsec;
	st->st_ctim.tv_sec = (time_t)k->st_ctime_sec;
	st->st_ctim.tv_nsec = (long)k->st_ctime_nsec;
}

/*
 * The kernel writes into a local struct kernel_stat that is then converted,
 * so a bad st pointer faults here, in the caller, as with any converting
 * libc; tests of the kernel's EFAULT path use syscall(SYS_fstat, ...).
 */
int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	struct kernel_stat k;

	if (SYSCALL4(__NR_newfstatat, dirfd, path, &k, flags) < 0)
		return -1;
	__stat_from_kernel(st, &k);
	return 0;
}

int _fstat(int fd, struct stat *st)
{
	struct kernel_stat k;

	if (SYSCALL2(__NR_fstat, fd, &k) < 0)
		return -1;
	__stat_from_kernel(st, &k);
	return 0;
}
weak_alias(_fstat, fstat);

int _stat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}
weak_alias(_stat, stat);

int lstat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}
