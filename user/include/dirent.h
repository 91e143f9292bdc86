/*
 * <dirent.h>: directory streams over getdents64(2) (newlib has none for
 * bare-metal targets).
 */
#ifndef _USER_DIRENT_H
#define _USER_DIRENT_H

#include <sys/types.h>
#include <stdint.h>

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* The kernel's record, as getdents64 writes it. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);
ssize_t getdents64(int fd, void *buf, size_t count);

#endif
