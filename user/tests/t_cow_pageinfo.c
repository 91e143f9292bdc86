/*
 * What the memory files show about anonymous pages around fork (uapi.md
 * "Files that expose memory state"): /proc/self/pagemap, /proc/kpageflags,
 * /proc/self/pageinfo, /proc/self/smaps and /proc/vmstat. A written private
 * page is exclusive; fork shares it (same frame in both, mapcount 2, the
 * exclusive bit cleared, write-protected); a read fault maps the zero page;
 * a vmsplice pin shows in the pin count. pageinfo checks are skipped where
 * the file is missing (the host).
 */
#include "mm_util.h"
#include <sys/uio.h>

#define NPAGES 16

/* The smaps field (kB) of the VMA that starts at addr, or -1. */
static long smaps_field(const void *addr, const char *field)
{
	unsigned long start, end;
	char line[256];
	size_t flen = strlen(field);
	int in_vma = 0;
	long v = -1;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx ", &start, &end) == 2)
			in_vma = start == (uintptr_t)addr;
		else if (in_vma && !strncmp(line, field, flen) && line[flen] == ':')
			v = atol(line + flen + 1);
		if (v >= 0)
			break;
	}
	fclose(f);
	return v;
}

static void test_written_page(char *mem)
{
	uint64_t pm, pi;

	mem[0] = 1;
	pm = pagemap(mem);
	check((pm & PM_PRESENT) && (pm & PM_MMAP_EXCLUSIVE) && !(pm & PM_FILE),
	      "pagemap: a written private page is present, exclusively mapped, anonymous",
	      "entry %#llx", (unsigned long long)pm);
	if (pfn_of(mem)) {
		uint64_t kf = kpageflags(pfn_of(mem));

		check((kf >> KPF_ANON) & 1, "kpageflags: the frame of a written page is anonymous",
		      "flags %#llx", (unsigned long long)kf);
	}
	if (!have_pageinfo()) {
		skip("pageinfo: a written private page", "no /proc/self/pageinfo");
		return;
	}
	pi = pageinfo(mem);
	check((pi & PI_PRESENT) && (pi & PI_WRITE) && (pi & PI_EXCLUSIVE) && !(pi & PI_ZERO) &&
	      PI_MAPCOUNT(pi) == 1 && PI_PINS(pi) == 0 && PI_ORDER(pi) == 0,
	      "pageinfo: a written private page is present, writable, exclusive, mapcount 1, no pins",
	      "entry %#llx", (unsigned long long)pi);
}

static void test_zero_page(char *mem)
{
	volatile char c = mem[PAGE];
	uint64_t pm = pagemap(mem + PAGE), pi;

	(void)c;
	check((pm & PM_PRESENT) && !(pm & PM_MMAP_EXCLUSIVE) && !(pm & PM_FILE),
	      "pagemap: a read fault maps a present page that is not exclusive",
	      "entry %#llx", (unsigned long long)pm);
	if (pm & PM_PFN_MASK) {
		uint64_t kf = kpageflags(pm & PM_PFN_MASK);

		check((kf >> KPF_ZERO_PAGE) & 1, "kpageflags: a read fault maps the zero page",
		      "flags %#llx", (unsigned long long)kf);
	}
	if (!have_pageinfo()) {
		skip("pageinfo: the zero page", "no /proc/self/pageinfo");
		return;
	}
	pi = pageinfo(mem + PAGE);
	check((pi & PI_PRESENT) && (pi & PI_ZERO) && !(pi & PI_WRITE) && !(pi & PI_EXCLUSIVE),
	      "pageinfo: a read fault maps the shared zero page read-only",
	      "entry %#llx", (unsigned long long)pi);
	mem[PAGE] = 1;
	pi = pageinfo(mem + PAGE);
	check((pi & PI_EXCLUSIVE) && !(pi & PI_ZERO) && (pi & PI_WRITE),
	      "pageinfo: writing the zero page gives an exclusive page of its own",
	      "entry %#llx", (unsigned long long)pi);
}

/* The child reports its pagemap and pageinfo entries of mem through a pipe. */
static void test_fork_shares(char *mem)
{
	uint64_t mine[2], child[2] = { 0, 0 };
	int fds[2], back[2], status;
	pid_t pid;

	mem[0] = 2;
	pipe(fds);
	pipe(back);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		uint64_t e[2] = { pagemap(mem), pageinfo(mem) };

		write(fds[1], e, sizeof(e));
		read(back[0], &status, 1);	/* stay until the parent looked */
		_exit(0);
	}
	read(fds[0], child, sizeof(child));
	mine[0] = pagemap(mem);
	mine[1] = pageinfo(mem);
	check((mine[0] & PM_PFN_MASK) == (child[0] & PM_PFN_MASK) && (mine[0] & PM_PRESENT),
	      "pagemap: after fork parent and child map the same frame",
	      "parent %#llx, child %#llx", (unsigned long long)mine[0], (unsigned long long)child[0]);
	check(!(mine[0] & PM_MMAP_EXCLUSIVE) && !(child[0] & PM_MMAP_EXCLUSIVE),
	      "pagemap: after fork the page is not exclusively mapped in either",
	      "parent %#llx, child %#llx", (unsigned long long)mine[0], (unsigned long long)child[0]);
	if (have_pageinfo()) {
		check(!(mine[1] & (PI_EXCLUSIVE | PI_WRITE)) && !(child[1] & (PI_EXCLUSIVE | PI_WRITE)),
		      "pageinfo: after fork the exclusive bit is clear and the page read-only in both",
		      "parent %#llx, child %#llx", (unsigned long long)mine[1],
		      (unsigned long long)child[1]);
		check(PI_MAPCOUNT(mine[1]) == 2 && PI_MAPCOUNT(child[1]) == 2,
		      "pageinfo: after fork the mapcount is 2 in both", "parent %u, child %u",
		      PI_MAPCOUNT(mine[1]), PI_MAPCOUNT(child[1]));
	} else {
		skip("pageinfo: after fork", "no /proc/self/pageinfo");
	}
	write(back[1], "x", 1);
	waitpid(pid, &status, 0);
	close(fds[0]), close(fds[1]), close(back[0]), close(back[1]);
	if (have_pageinfo()) {
		uint64_t before = pfn_of(mem), pi;

		check(PI_MAPCOUNT(pageinfo(mem)) == 1, "pageinfo: once the child exited the mapcount is 1",
		      "entry %#llx", (unsigned long long)pageinfo(mem));
		mem[0] = 3;
		pi = pageinfo(mem);
		check((pi & PI_EXCLUSIVE) && (pi & PI_WRITE) && pfn_of(mem) == before,
		      "a write to a page no one else maps any more reuses it (same frame, exclusive)",
		      "entry %#llx, frame %#llx -> %#llx", (unsigned long long)pi,
		      (unsigned long long)before, (unsigned long long)pfn_of(mem));
	}
}

static void test_pin_count(char *mem)
{
	struct iovec iov = { mem + 2 * PAGE, PAGE };
	int fds[2];
	char buf[PAGE];

	if (!have_pageinfo()) {
		skip("pageinfo: the pin count follows vmsplice", "no /proc/self/pageinfo");
		return;
	}
	mem[2 * PAGE] = 1;
	pipe(fds);
	if (vmsplice(fds[1], &iov, 1, 0) != PAGE) {
		check(0, "pageinfo: the pin count follows vmsplice", "vmsplice: errno %d", errno);
		return;
	}
	check(PI_PINS(pageinfo(mem + 2 * PAGE)) == 1, "pageinfo: a page in a pipe (vmsplice) has 1 pin",
	      "entry %#llx", (unsigned long long)pageinfo(mem + 2 * PAGE));
	read(fds[0], buf, sizeof(buf));
	check(PI_PINS(pageinfo(mem + 2 * PAGE)) == 0, "pageinfo: reading the pipe drops the pin",
	      "entry %#llx", (unsigned long long)pageinfo(mem + 2 * PAGE));
	close(fds[0]), close(fds[1]);
}

static void test_smaps_vmstat(void)
{
	/* executable, so that it does not merge with its neighbours */
	char *mem = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long faults = proc_value("/proc/vmstat", "pgfault"), after;
	volatile char c;
	int i;

	for (i = 0; i < NPAGES / 2; i++)
		mem[i * PAGE] = 1;
	for (; i < NPAGES; i++)
		c = mem[i * PAGE];
	(void)c;
	after = proc_value("/proc/vmstat", "pgfault");
	check(faults >= 0 && after - faults >= NPAGES, "vmstat: pgfault counts every fault",
	      "%ld -> %ld for %d faults", faults, after, NPAGES);
	check(proc_value("/proc/vmstat", "pgmajfault") >= 0 &&
	      proc_value("/proc/vmstat", "thp_fault_alloc") >= 0,
	      "vmstat: pgmajfault and thp_fault_alloc are there", "missing");
	check(smaps_field(mem, "Size") == NPAGES * 4, "smaps: Size is the VMA's size",
	      "got %ld kB", smaps_field(mem, "Size"));
	check(smaps_field(mem, "Rss") == NPAGES / 2 * 4 && smaps_field(mem, "Anonymous") == NPAGES / 2 * 4,
	      "smaps: Rss and Anonymous count the written pages, not the zero page",
	      "Rss %ld kB, Anonymous %ld kB", smaps_field(mem, "Rss"), smaps_field(mem, "Anonymous"));
	check(smaps_field(mem, "AnonHugePages") == 0 && smaps_field(mem, "Swap") == 0,
	      "smaps: AnonHugePages and Swap are 0", "AnonHugePages %ld, Swap %ld",
	      smaps_field(mem, "AnonHugePages"), smaps_field(mem, "Swap"));
	munmap(mem, NPAGES * PAGE);
}

static void test_bad_reads(void)
{
	int fd = open("/proc/self/pagemap", O_RDONLY);
	uint64_t v;

	check_err(pread(fd, &v, 8, 3), EINVAL, "pagemap: a read at an unaligned offset fails with EINVAL");
	check_err(pread(fd, &v, 5, 0), EINVAL, "pagemap: a read of a partial entry fails with EINVAL");
	check_err(pread(fd, BAD_ADDR, 8, 0), EFAULT, "pagemap: a read into a bad buffer fails with EFAULT");
	check(pread(fd, &v, 8, (off_t)1 << 50) == 0, "pagemap: a read past user space gives 0 bytes",
	      "errno %d", errno);
	close(fd);
}

int main(void)
{
	char *mem;
	size_t k;

	tap_start();
	for (k = 0; k < NR_MEM_KINDS; k++) {
		printf("# %s\n", mem_kinds[k].name);
		mem = mem_kinds[k].alloc(NPAGES * PAGE);
		test_written_page(mem);
		test_zero_page(mem);
		test_fork_shares(mem);
		test_pin_count(mem);
		munmap(mem, NPAGES * PAGE);
	}
	test_smaps_vmstat();
	test_bad_reads();
	return tap_done();
}
