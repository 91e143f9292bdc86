/*
 * Helpers of the memory-management tests (t_cow*, t_pin*, t_vmsplice*,
 * t_mprotect*, t_mremap*, t_madvise*, t_munmap*): reading the files that
 * expose memory state (uapi.md "Files that expose memory state"), the
 * gup_test pin device, and the memory kinds a COW case runs on
 * (mm-semantics.md 7; base pages for now: add a kind to mem_kinds[]).
 * Plain Linux C: the same tests build and run on the host, where the
 * files our kernel adds (pageinfo, gup_test) are missing and their checks
 * are skipped.
 */
#ifndef USER_TESTS_MM_UTIL_H
#define USER_TESTS_MM_UTIL_H

#include "tap.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#define PAGE 4096UL

/* /proc/self/pagemap bits (Linux's fs/proc/task_mmu.c). */
#define PM_PFN_MASK ((1ULL << 55) - 1)
#define PM_MMAP_EXCLUSIVE (1ULL << 56)
#define PM_FILE (1ULL << 61)
#define PM_SWAP (1ULL << 62)
#define PM_PRESENT (1ULL << 63)

/* /proc/self/pageinfo bits (ours, uapi.md). */
#define PI_PRESENT (1ULL << 0)
#define PI_SWAPPED (1ULL << 1)
#define PI_WRITE (1ULL << 2)
#define PI_EXCLUSIVE (1ULL << 3)
#define PI_CONT (1ULL << 4)
#define PI_PMD (1ULL << 5)
#define PI_ZERO (1ULL << 6)
#define PI_ORDER(v) ((unsigned)(((v) >> 8) & 0xf))
#define PI_MAPCOUNT(v) ((unsigned)(((v) >> 16) & 0xffff))
#define PI_PINS(v) ((unsigned)(((v) >> 32) & 0xffff))

/* /proc/kpageflags bits (Linux's include/uapi/linux/kernel-page-flags.h). */
#define KPF_ANON 12
#define KPF_NOPAGE 20
#define KPF_ZERO_PAGE 24

/* gup_test (Linux's mm/gup_test.h, uapi.md "Pins"). */
struct pin_longterm_test {
	uint64_t addr;
	uint64_t size;
	uint32_t flags;
};
#define PIN_LONGTERM_TEST_FLAG_USE_WRITE 1
#define PIN_LONGTERM_TEST_FLAG_USE_FAST 2
#define PIN_LONGTERM_TEST_START _IOW('g', 7, struct pin_longterm_test)
#define PIN_LONGTERM_TEST_STOP _IO('g', 8)
#define PIN_LONGTERM_TEST_READ _IOW('g', 9, uint64_t)
#define GUP_TEST_PATH "/sys/kernel/debug/gup_test"

/* The 8-byte entry for addr of a per-page file (pagemap, pageinfo); 0 on error. */
static inline uint64_t page_entry(const char *path, const void *addr)
{
	uint64_t v = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 0;
	if (pread(fd, &v, sizeof(v), (off_t)((uintptr_t)addr / PAGE * 8)) != sizeof(v))
		v = 0;
	close(fd);
	return v;
}

static inline uint64_t pagemap(const void *addr)
{
	return page_entry("/proc/self/pagemap", addr);
}

static inline uint64_t pageinfo(const void *addr)
{
	return page_entry("/proc/self/pageinfo", addr);
}

static inline uint64_t pfn_of(const void *addr)
{
	return pagemap(addr) & PM_PFN_MASK;
}

static inline int have_file(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd >= 0)
		close(fd);
	return fd >= 0;
}

static inline int have_pageinfo(void)
{
	return have_file("/proc/self/pageinfo");
}

/* The kpageflags word of pfn, or 0. */
static inline uint64_t kpageflags(uint64_t pfn)
{
	uint64_t v = 0;
	int fd = open("/proc/kpageflags", O_RDONLY);

	if (fd < 0)
		return 0;
	if (pread(fd, &v, sizeof(v), (off_t)(pfn * 8)) != sizeof(v))
		v = 0;
	close(fd);
	return v;
}

/* How many /proc/self/maps lines (VMAs) lie inside [p, p + len); -1 on error. */
static inline int maps_lines(const void *p, size_t len)
{
	unsigned long start, end;
	char line[256];
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &start, &end) == 2 && start >= (uintptr_t)p &&
		    end <= (uintptr_t)p + len)
			n++;
	fclose(f);
	return n;
}

/* A "Name: value" number from a /proc text file (meminfo, vmstat), or -1. */
static inline long proc_value(const char *path, const char *name)
{
	char line[160];
	size_t len = strlen(name);
	long v = -1;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, name, len) && (line[len] == ':' || line[len] == ' ')) {
			v = atol(line + len + 1);
			break;
		}
	}
	fclose(f);
	return v;
}

static inline long mem_free_kb(void)
{
	return proc_value("/proc/meminfo", "MemFree");
}

/* An open gup_test device, or -1 (the host has it only with CONFIG_GUP_TEST). */
static inline int gup_open(void)
{
	return open(GUP_TEST_PATH, O_RDWR);
}

static inline int gup_pin(int fd, const void *addr, size_t size, uint32_t flags)
{
	struct pin_longterm_test t = { (uintptr_t)addr, size, flags };

	return ioctl(fd, PIN_LONGTERM_TEST_START, &t);
}

static inline int gup_unpin(int fd)
{
	return ioctl(fd, PIN_LONGTERM_TEST_STOP);
}

/* Copy the pinned pages' current contents into buf. */
static inline int gup_read(int fd, void *buf)
{
	uint64_t addr = (uintptr_t)buf;

	return ioctl(fd, PIN_LONGTERM_TEST_READ, &addr);
}

/*
 * A kind of anonymous memory a COW case runs on (mm-semantics.md 7). alloc
 * returns size bytes (page aligned) filled with nothing yet, or NULL; the
 * test writes and frees it with munmap.
 */
struct mem_kind {
	const char *name;
	char *(*alloc)(size_t size);
};

static inline char *alloc_base_pages(size_t size)
{
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static const struct mem_kind mem_kinds[] = {
	{ "base page", alloc_base_pages },
};
#define NR_MEM_KINDS (sizeof(mem_kinds) / sizeof(mem_kinds[0]))

/* A child's verdict travels in its exit status: 0 ok, else a reason code. */
static inline int child_ok(int status)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Fill n bytes with a pattern derived from seed; check it. */
static inline void fill(char *p, size_t n, int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (char)(i * 31 + seed);
}

static inline int filled(const char *p, size_t n, int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (char)(i * 31 + seed))
			return 0;
	return 1;
}

#endif
