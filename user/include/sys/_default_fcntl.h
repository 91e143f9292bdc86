/*
 * Linux values for open(2)/fcntl(2) flags and the *at() constants, layered
 * over newlib's header. newlib itself is compiled with this file
 * (tools/build-newlib.sh), so fopen() and user code pass the same flags.
 */
#ifndef _USER_SYS_DEFAULT_FCNTL_H
#define _USER_SYS_DEFAULT_FCNTL_H

#include_next <sys/_default_fcntl.h>

#undef O_CREAT
#undef O_EXCL
#undef O_NOCTTY
#undef O_TRUNC
#undef O_APPEND
#undef O_NONBLOCK
#undef O_SYNC
#undef O_DIRECT
#undef O_DIRECTORY
#undef O_NOFOLLOW
#undef O_CLOEXEC
#undef O_EXEC
#undef O_SEARCH
#define O_CREAT		0100
#define O_EXCL		0200
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_NDELAY	O_NONBLOCK
#define O_DSYNC		010000
#define O_SYNC		04010000
#define O_CLOEXEC	02000000
#define O_PATH		010000000
#define O_EXEC		O_PATH
#define O_SEARCH	O_PATH
#if defined(__aarch64__)
#define O_DIRECTORY	040000
#define O_NOFOLLOW	0100000
#define O_DIRECT	0200000
#define O_LARGEFILE	0400000
#else
#define O_DIRECT	040000
#define O_LARGEFILE	0100000
#define O_DIRECTORY	0200000
#define O_NOFOLLOW	0400000
#endif

#undef FAPPEND
#undef FNONBIO
#undef FNDELAY
#undef FNONBLOCK
#undef FCREAT
#undef FTRUNC
#undef FEXCL
#undef FNOCTTY
#define FAPPEND		O_APPEND
#define FNONBIO		O_NONBLOCK
#define FNDELAY		O_NONBLOCK
#define FNONBLOCK	O_NONBLOCK
#define FCREAT		O_CREAT
#define FTRUNC		O_TRUNC
#define FEXCL		O_EXCL
#define FNOCTTY		O_NOCTTY

#undef F_GETLK
#undef F_SETLK
#undef F_SETLKW
#undef F_SETOWN
#undef F_GETOWN
#undef F_DUPFD_CLOEXEC
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_SETOWN	8
#define F_GETOWN	9
#define F_DUPFD_CLOEXEC	1030

#undef AT_FDCWD
#undef AT_EACCESS
#undef AT_SYMLINK_NOFOLLOW
#undef AT_SYMLINK_FOLLOW
#undef AT_REMOVEDIR
#undef AT_EMPTY_PATH
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EACCESS		0x200
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

int openat(int dirfd, const char *path, int flags, ...);

#endif
