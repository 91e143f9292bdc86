/* <sys/uio.h>: struct iovec, readv/writev and vmsplice. */
#ifndef _USER_SYS_UIO_H
#define _USER_SYS_UIO_H

#include <sys/types.h>
#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define SPLICE_F_MOVE		1
#define SPLICE_F_NONBLOCK	2
#define SPLICE_F_MORE		4
#define SPLICE_F_GIFT		8

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags);

#endif
