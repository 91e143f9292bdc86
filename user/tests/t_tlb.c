/*
 * TLB shootdown: a thread (on another CPU when there is one) uses a page
 * in a loop while the main thread takes the page away (munmap, mprotect
 * PROT_NONE, or mprotect PROT_READ under a writer). Once the call has
 * returned, the other CPU must not keep using a stale translation: the
 * user's next access faults and SIGSEGV kills the process. A reader that
 * goes on for more than a few accesses after the call returned means the
 * remote TLB was not flushed. The mprotect cases SKIP while mprotect is
 * ENOSYS.
 */
#include <signal.h>
#include "threads.h"

#define MAGIC 0x7ab1e5eedUL
/* Accesses allowed after the call returned: the one in flight, with slack. */
#define STALE_LIMIT 16

enum op { OP_MUNMAP, OP_PROT_NONE, OP_PROT_READ };

static volatile unsigned long *page;
static long accesses;

static void *reader(void *arg)
{
	(void)arg;
	for (;;) {
		if (*page != MAGIC)
			sys1(SYS_exit_group, 5);	/* read another page's data */
		__atomic_add_fetch(&accesses, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void *writer(void *arg)
{
	(void)arg;
	for (;;) {
		*page = MAGIC;
		__atomic_add_fetch(&accesses, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

/* Exit codes: 77 mprotect missing, 99 setup, 98 call failed, 3 stale
 * accesses went on, 4 neither a fault nor progress, 5 (from the reader)
 * a stale read saw other data. */
static void child(enum op op)
{
	long long end;
	long done, ret;
	uthread_t t;

	page = thread_map(PAGE_SIZE_4K);
	if (!page)
		_exit(99);
	*page = MAGIC;
	if (uthread_create(&t, op == OP_PROT_READ ? writer : reader, NULL))
		_exit(99);
	while (__atomic_load_n(&accesses, __ATOMIC_RELAXED) < 10000)
		;
	if (op == OP_MUNMAP)
		ret = thread_unmap((void *)page, PAGE_SIZE_4K);
	else
		ret = sys3(SYS_mprotect, page, PAGE_SIZE_4K,
			   op == OP_PROT_NONE ? PROT_NONE : PROT_READ);
	done = __atomic_load_n(&accesses, __ATOMIC_RELAXED);
	if (ret == -ENOSYS)
		_exit(77);
	if (ret != 0)
		_exit(98);
	end = now_ns() + 10000000000LL;
	while (now_ns() < end)
		if (__atomic_load_n(&accesses, __ATOMIC_RELAXED) - done > STALE_LIMIT)
			_exit(3);
	_exit(4);
}

static void child_munmap(void) { child(OP_MUNMAP); }
static void child_prot_none(void) { child(OP_PROT_NONE); }
static void child_prot_read(void) { child(OP_PROT_READ); }

static void run(void (*fn)(void), const char *name)
{
	int status = 0, i;

	for (i = 0; i < 3; i++) {
		status = run_child(fn);
		if (!killed_by(status, SIGSEGV))
			break;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		skip(name, "mprotect is ENOSYS");
		return;
	}
	check(killed_by(status, SIGSEGV), name,
	      "%s (3: stale TLB, accesses went on; 4: no fault; 5: stale data; "
	      "98: call failed; 99: setup)",
	      status_str(status));
}

int main(void)
{
	tap_start();
	if (!threads_available())
		return tap_done();
	run(child_munmap, "munmap under a reading thread: it faults at once (3 times)");
	run(child_prot_none, "mprotect PROT_NONE under a reading thread: it faults at once (3 times)");
	run(child_prot_read, "mprotect PROT_READ under a writing thread: it faults at once (3 times)");
	return tap_done();
}
