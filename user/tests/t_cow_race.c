/*
 * Race (issue 5 item 9): thread A writes a page all the time (every word
 * the round number, in order) while the main thread forks again and
 * again; each child checks that it sees a consistent snapshot that no
 * longer changes: words 0..k hold round n and the rest round n - 1, and
 * re-reading later gives the same page. A write the parent's thread makes
 * after the fork must never reach the child (write protection and the TLB
 * flush happen before fork returns).
 */
#include "mm_util.h"
#include "threads.h"

#define FORKS 100
#define WORDS (PAGE / sizeof(uint64_t))

static volatile uint64_t *page;
static volatile int done;

/* Thread A: fill the page with rounds 1, 2, 3, ... until told to stop. */
static void *writer(void *arg)
{
	uint64_t n;
	size_t i;

	(void)arg;
	for (n = 1; !done; n++)
		for (i = 0; i < WORDS; i++)
			page[i] = n;
	return NULL;
}

/* The child's check: 0 if consistent and stable. */
static int child_check(void)
{
	static uint64_t snap[WORDS];
	size_t i, k;
	int pass;

	memcpy(snap, (const void *)page, PAGE);
	for (k = 0; k < WORDS && snap[k] == snap[0]; k++)
		;
	for (i = k; i < WORDS; i++)
		if (snap[i] + 1 != snap[0])
			return 1;	/* not a prefix of round n over round n - 1 */
	for (pass = 0; pass < 200; pass++)
		if (memcmp(snap, (const void *)page, PAGE))
			return 2;	/* a write after the fork showed up */
	return 0;
}

int main(void)
{
	int i, status, bad = 0, why = 0;
	uthread_t a;
	pid_t pid;

	tap_start();
	if (!threads_available())
		return tap_done();
	page = (volatile uint64_t *)alloc_base_pages(PAGE);
	if (uthread_create(&a, writer, NULL)) {
		check(0, "start the writing thread", "failed");
		return tap_done();
	}
	while (page[WORDS - 1] == 0)
		;				/* the writer is running */
	fflush(stdout);
	for (i = 0; i < FORKS; i++) {
		pid = fork();
		if (pid == 0)
			_exit(child_check());
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !child_ok(status)) {
			bad++;
			why = pid < 0 ? -1 : status;
		}
	}
	done = 1;
	uthread_join(a, NULL);
	check(!bad, "100 children forked while a thread writes each see a stable, consistent snapshot",
	      "%d bad children, last %s (exit 1: torn, 2: changed after fork)", bad, status_str(why));
	return tap_done();
}
