/*
 * Race (issue 5 item 9): thread A loops taking a fast read-only pin of a
 * page (gup_test, flags bit 1), waiting until the process wrote the page
 * again, reading through the pin and dropping it, while the main thread
 * forks and writes the page (a counter) all the time. A pin must always be
 * on the page the process maps: it delivers the latest value written,
 * never a page left behind by COW (CVE-2020-29374). Skipped without the
 * gup_test device or threads.
 */
#include "mm_util.h"
#include "threads.h"
#include <sys/syscall.h>

#define ROUNDS 200
#define TIMEOUT_NS 10000000000LL

static volatile uint64_t *counter;	/* the page's first word */
static volatile int done;
static int gup_fd;
static char pinbuf[PAGE];

struct result {
	int rounds, stale, errors;
	uint64_t seen, pinned;
};

static long pin_ioctl(unsigned long cmd, const void *arg)
{
	return uthread_syscall(SYS_ioctl, gup_fd, (long)cmd, (long)arg, 0, 0, 0);
}

/* Thread A. Uses only raw system calls (uthread.h). */
static void *pinner(void *arg)
{
	struct result *r = arg;
	struct pin_longterm_test t = { (uintptr_t)counter, PAGE, PIN_LONGTERM_TEST_FLAG_USE_FAST };
	uint64_t buf_addr = (uintptr_t)pinbuf;
	long long end = now_ns() + TIMEOUT_NS;

	for (; r->rounds < ROUNDS && now_ns() < end; r->rounds++) {
		uint64_t start = *counter, seen;

		if (pin_ioctl(PIN_LONGTERM_TEST_START, &t)) {
			r->errors++;
			break;
		}
		while (*counter < start + 2 && now_ns() < end)
			sys0(SYS_sched_yield);	/* the process writes after the pin */
		seen = *counter;
		if (pin_ioctl(PIN_LONGTERM_TEST_READ, &buf_addr))
			r->errors++;
		else if (*(uint64_t *)pinbuf < seen && !r->stale++) {
			r->seen = seen;
			r->pinned = *(uint64_t *)pinbuf;
		}
		pin_ioctl(PIN_LONGTERM_TEST_STOP, NULL);
	}
	done = 1;
	return NULL;
}

int main(void)
{
	struct result r = { 0, 0, 0, 0, 0 };
	char *mem;
	uthread_t a;
	int status, forks = 0;
	pid_t pid;

	tap_start();
	gup_fd = gup_open();
	if (gup_fd < 0) {
		skip("fast read-only pins racing with fork and writes", GUP_TEST_PATH " is missing");
		return tap_done();
	}
	if (!threads_available())
		return tap_done();
	mem = alloc_base_pages(PAGE);
	counter = (volatile uint64_t *)mem;
	*counter = 1;
	if (uthread_create(&a, pinner, &r)) {
		check(0, "start the pinning thread", "failed");
		return tap_done();
	}
	fflush(stdout);
	while (!done) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid > 0) {
			waitpid(pid, &status, 0);
			forks++;
		}
		(*counter)++;
	}
	uthread_join(a, NULL);
	check(r.rounds == ROUNDS && !r.errors, "200 rounds of pin / read / unpin completed",
	      "%d rounds, %d ioctl errors", r.rounds, r.errors);
	check(!r.stale, "the pin always reads the page the process writes (never a COW leftover)",
	      "%d stale reads, e.g. pinned %llu after the process wrote %llu (%d forks)", r.stale,
	      (unsigned long long)r.pinned, (unsigned long long)r.seen, forks);
	close(gup_fd);
	return tap_done();
}
