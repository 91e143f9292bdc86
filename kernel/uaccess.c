/*
 * strncpy_from_user, on top of the arch's raw_copy_from_user. It copies in
 * chunks that never cross a page boundary, so a string that ends just
 * before an unmapped page is copied without faulting on that page.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

#define CHUNK 64

long strncpy_from_user(char *dst, const char __user *src, long n)
{
	long done = 0;

	while (done < n) {
		unsigned long a = (unsigned long)src + (unsigned long)done;
		long chunk = MIN((long)CHUNK, n - done);
		long to_page = (long)(((a | 4095UL) + 1) - a);
		size_t len;

		chunk = MIN(chunk, to_page);
		if (!access_ok((const void __user *)a, (size_t)chunk) ||
		    raw_copy_from_user(dst + done, (const void __user *)a, (size_t)chunk))
			return -EFAULT;
		len = strnlen(dst + done, (size_t)chunk);
		if ((long)len < chunk)
			return done + (long)len;
		done += chunk;
	}
	return -ENAMETOOLONG;
}
