/*
 * The main thread's stack grows on demand, as in Linux: exec maps a small
 * [stack] VMA; a fault below it grows it down to the faulting page within
 * RLIMIT_STACK (8 MiB) and never within 256 pages (the guard gap) of the
 * next lower mapping. Past that the process gets SIGSEGV and nothing leaks.
 * A system call writing below the stack (copy_to_user) grows it too; a
 * pin (vmsplice) does not (-EFAULT, Linux since 6.5).
 * On a busy host set LEAK_TOLERANCE_KB.
 */
#include "mm_util.h"
#include "threads.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#define MiB (1UL << 20)
#define STACK_LIMIT (8 * MiB)
#define GUARD_GAP (256 * PAGE)
#define FRAME 4000		/* bytes of locals per recursion level */
#define DEPTH 1100		/* levels: about 4.3 MiB */

static volatile int sink;
static char *lowest_frame;
static unsigned long stack_lo;	/* [stack] start before a child case */

/* The [stack] line of /proc/self/maps: 0 and its range, or -1. */
static int stack_vma(unsigned long *start, unsigned long *end)
{
	char line[256];
	FILE *f = fopen("/proc/self/maps", "r");
	int ret = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "[stack]") && sscanf(line, "%lx-%lx", start, end) == 2) {
			ret = 0;
			break;
		}
	fclose(f);
	return ret;
}

/* A field ("Size", "Rss") of the [stack] entry of /proc/self/smaps, in kB, or -1. */
static long stack_smaps(const char *field)
{
	char line[256];
	size_t len = strlen(field);
	int in_stack = 0;
	long v = -1;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long a, b;

		if (sscanf(line, "%lx-%lx ", &a, &b) == 2)
			in_stack = strstr(line, "[stack]") != NULL;
		else if (in_stack && !strncmp(line, field, len) && line[len] == ':') {
			v = atol(line + len + 1);
			break;
		}
	}
	fclose(f);
	return v;
}

static int count_stack_vmas(void)
{
	char line[256];
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, "[stack]") != NULL;
	fclose(f);
	return n;
}

/* depth more levels of FRAME bytes each, written page by page; the number of corrupted levels. */
static __attribute__((noinline)) int recurse(int depth)
{
	volatile char buf[FRAME];
	int i, bad;

	for (i = 0; i < FRAME; i += 512)
		buf[i] = (char)(depth + i);
	if ((char *)buf < lowest_frame)
		lowest_frame = (char *)buf;
	bad = depth ? recurse(depth - 1) : 0;
	for (i = 0; i < FRAME; i += 512)
		if (buf[i] != (char)(depth + i))
			return bad + 1;
	return bad;
}

/* Recursion without end (n never comes back to -1). */
static __attribute__((noinline)) int bottomless(int n)
{
	volatile char buf[1024];

	if (n == (int)opaque((uintptr_t)-1))
		return 0;
	buf[0] = (char)n;
	return bottomless(n + 1) + buf[0];
}

static void overflow_child(void)
{
	sink = bottomless(0);
}

static void test_initial_stack_small(void)
{
	unsigned long s, e;

	if (!check(!stack_vma(&s, &e), "/proc/self/maps has a [stack] line", "none found"))
		return;
	check(e - s <= MiB, "the initial [stack] VMA is small (at most 1 MiB, not the 8 MiB limit)",
	      "%lx-%lx spans %lu kB", s, e, (e - s) >> 10);
}

static void test_deep_recursion(void)
{
	unsigned long s0 = 0, e0 = 0, s = 0, e = 0;
	long size_kb, rss_kb;
	int bad;

	stack_vma(&s0, &e0);
	lowest_frame = (char *)-1;
	bad = recurse(DEPTH);
	check(bad == 0, "recursion through ~4 MiB of stack keeps every frame's data",
	      "%d levels corrupted", bad);
	if (!check(!stack_vma(&s, &e), "[stack] still in /proc/self/maps after deep recursion", "gone"))
		return;
	check(e == e0 && s < s0 && e - s >= 4 * MiB && e - s <= STACK_LIMIT,
	      "the [stack] VMA grew down to cover ~4 MiB, within 8 MiB",
	      "was %lx-%lx, now %lx-%lx", s0, e0, s, e);
	check(s <= (unsigned long)lowest_frame, "the [stack] VMA covers the deepest frame",
	      "[stack] starts at %lx, deepest frame at %p", s, (void *)lowest_frame);
	check(count_stack_vmas() == 1, "the stack is still one VMA", "%d [stack] lines",
	      count_stack_vmas());
	size_kb = stack_smaps("Size");
	rss_kb = stack_smaps("Rss");
	check(size_kb == (long)((e - s) >> 10), "smaps shows the grown [stack] size",
	      "Size %ld kB, maps %lu kB", size_kb, (e - s) >> 10);
	check(rss_kb >= 4096, "smaps shows the touched stack resident", "Rss %ld kB", rss_kb);
}

static void test_overflow_segv(void)
{
	const char *tol_env = getenv("LEAK_TOLERANCE_KB");
	long before, after, tol = tol_env ? atol(tol_env) : 256;
	int status;

	status = run_child(overflow_child);	/* warm-up: lazily made kernel state */
	check(killed_by(status, SIGSEGV), "a child recursing without end dies by SIGSEGV",
	      "%s", status_str(status));
	before = mem_free_kb();
	status = run_child(overflow_child);
	after = mem_free_kb();
	check(killed_by(status, SIGSEGV), "it dies by SIGSEGV every time", "%s", status_str(status));
	check(labs(after - before) <= tol, "its 8 MiB of stack are all given back",
	      "MemFree %ld kB before, %ld kB after (tolerance %ld kB)", before, after, tol);
	check(recurse(64) == 0, "the parent runs on, its own stack intact", "frames corrupted");
}

/* A page mapped 2 MiB below the stack; the lowest stack page allowed is GUARD_GAP above it. */
static char *map_below_stack(void)
{
	char *m = mmap((char *)stack_lo - 2 * MiB, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (m != (char *)stack_lo - 2 * MiB)
		_exit(2);
	return m;
}

static void touch_gap_edge_child(void)
{
	char *edge = map_below_stack() + PAGE + GUARD_GAP;
	unsigned long s, e;

	*(volatile char *)edge = 1;
	_exit(!stack_vma(&s, &e) && s == (unsigned long)edge ? 0 : 3);
}

static void touch_in_gap_child(void)
{
	*(volatile char *)(map_below_stack() + GUARD_GAP) = 1;	/* one page into the gap */
}

static void test_guard_gap(void)
{
	unsigned long e;
	int status;

	stack_vma(&stack_lo, &e);
	status = run_child(touch_gap_edge_child);
	check(child_ok(status), "with a mapping below, the stack grows to 256 pages above it",
	      "%s", status_str(status));
	status = run_child(touch_in_gap_child);
	check(killed_by(status, SIGSEGV), "a fault inside the 256-page guard gap gives SIGSEGV",
	      "%s", status_str(status));
}

static void test_syscall_below_stack(void)
{
	static const char msg[] = "copied below the stack by read()";
	unsigned long s, e, s2;
	struct iovec iov;
	char *target;
	int fds[2];

	if (!check_ok(pipe(fds), "pipe"))
		return;
	stack_vma(&s, &e);
	target = (char *)s - 64 * 1024;
	check(write(fds[1], msg, sizeof(msg)) == (ssize_t)sizeof(msg) &&
		      read(fds[0], target, sizeof(msg)) == (ssize_t)sizeof(msg) &&
		      !memcmp(target, msg, sizeof(msg)),
	      "read() into a not yet grown stack page grows the stack (copy_to_user)",
	      "errno %d", errno);
	stack_vma(&s, &e);
	check(s <= (unsigned long)target, "the [stack] VMA now covers the read() buffer",
	      "[stack] starts at %lx, buffer at %p", s, (void *)target);
	iov.iov_base = (char *)s - 64 * 1024;
	iov.iov_len = PAGE;
	check_err(vmsplice(fds[1], &iov, 1, 0), EFAULT,
		  "vmsplice (a pin) below the stack fails with EFAULT: GUP does not grow it");
	stack_vma(&s2, &e);
	check(s2 == s, "the failed pin left the [stack] VMA alone", "%lx -> %lx", s, s2);
	close(fds[0]);
	close(fds[1]);
}

#define NTHREADS 4
#define THREAD_PAGES 16

struct grower {
	char *top;		/* the thread writes THREAD_PAGES pages below this */
	int id;
};

static void *grow_thread(void *arg)
{
	struct grower *g = arg;
	int i;

	for (i = 1; i <= THREAD_PAGES; i++)
		g->top[-(long)i * (long)PAGE] = (char)(g->id * 64 + i);
	return NULL;
}

/* Threads fault below the main stack at once, interleaved: one VMA, all data kept. */
static void test_concurrent_growth(void)
{
	struct grower g[NTHREADS];
	unsigned long s, e;
	int i, j, bad = 0, err;

	stack_vma(&s, &e);
	for (i = 0; i < NTHREADS; i++) {
		g[i].top = (char *)s - (unsigned long)i * (THREAD_PAGES + 1) * PAGE - 64 * 1024;
		g[i].id = i;
	}
	err = run_threads(NTHREADS, grow_thread, g, sizeof(g[0]));
	if (!check(err == 0, "start threads", "error %d", err))
		return;
	for (i = 0; i < NTHREADS; i++)
		for (j = 1; j <= THREAD_PAGES; j++)
			bad += g[i].top[-(long)j * (long)PAGE] != (char)(i * 64 + j);
	check(bad == 0, "threads growing the stack at once all keep their writes",
	      "%d pages wrong", bad);
	check(count_stack_vmas() == 1, "after concurrent growth the stack is one VMA",
	      "%d [stack] lines", count_stack_vmas());
}

static void test_rlimit_stack(void)
{
	struct rlimit r = { 0, 0 }, r2 = { 0, 0 };

	check(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur == STACK_LIMIT,
	      "getrlimit(RLIMIT_STACK) reports 8 MiB", "rlim_cur %lu", (unsigned long)r.rlim_cur);
	check(syscall(SYS_getrlimit, RLIMIT_STACK, &r2) == 0 && r2.rlim_cur == r.rlim_cur &&
		      r2.rlim_max == r.rlim_max,
	      "the getrlimit system call agrees", "%lu/%lu", (unsigned long)r2.rlim_cur,
	      (unsigned long)r2.rlim_max);
	r2.rlim_cur = 0;
	check(prlimit(getpid(), RLIMIT_STACK, NULL, &r2) == 0 && r2.rlim_cur == r.rlim_cur,
	      "prlimit(own pid, RLIMIT_STACK) agrees", "rlim_cur %lu", (unsigned long)r2.rlim_cur);
	check(setrlimit(RLIMIT_STACK, &r) == 0, "setrlimit to the current value succeeds",
	      "errno %d", errno);
	check_err(syscall(SYS_getrlimit, RLIMIT_NLIMITS, &r2), EINVAL,
		  "getrlimit of an unknown resource: EINVAL");
	check_err(syscall(SYS_getrlimit, RLIMIT_STACK, BAD_ADDR), EFAULT,
		  "getrlimit into a bad pointer: EFAULT");
	check_err(prlimit(999999999, RLIMIT_STACK, NULL, &r2), ESRCH,
		  "prlimit of a process that does not exist: ESRCH");
	r2.rlim_cur = 1;
	r2.rlim_max = 0;
	check_err(setrlimit(RLIMIT_STACK, &r2), EINVAL, "setrlimit with soft > hard: EINVAL");
}

int main(void)
{
	tap_start();
	test_initial_stack_small();	/* first: before anything grows the stack */
	test_deep_recursion();
	test_overflow_segv();
	test_guard_gap();
	test_syscall_below_stack();
	test_concurrent_growth();
	test_rlimit_stack();
	return tap_done();
}
