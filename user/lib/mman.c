/* Memory-mapping calls (mmap, munmap, mprotect, madvise, mremap). */
#include <stdarg.h>
#include <sys/mman.h>
#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)SYSCALL6(__NR_mmap, addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len)
{
	return (int)SYSCALL2(__NR_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return (int)SYSCALL3(__NR_mprotect, addr, len, prot);
}

int madvise(void *addr, size_t len, int advice)
{
	return (int)SYSCALL3(__NR_madvise, addr, len, advice);
}

/* The fifth argument (new address) is read only with MREMAP_FIXED. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)SYSCALL5(__NR_mremap, old, old_len, new_len, flags, new_addr);
}
