/*
 * Threads hammering one address space: concurrent first touches of the
 * same pages (read then write: zero page, then a private page) and of
 * neighbouring pages, each thread checking what it wrote and zero-fill
 * where nobody wrote; concurrent mmap/munmap of separate ranges; munmap of
 * a range while another thread touches it (that thread's fault kills the
 * process with SIGSEGV, the kernel lives on).
 */
#include <signal.h>
#include "threads.h"

#define NTHREADS 4
#define PG PAGE_SIZE_4K

struct worker {
	int id;
	unsigned char *base;
	long errors;
};

static uthread_barrier_t start;

/* Shared pages: thread i owns bytes [i*64, i*64+64) of every page. */
#define SHARED_PAGES 128

static void *touch_shared(void *arg)
{
	struct worker *w = arg;
	unsigned char *p;
	long pg, b;

	uthread_barrier_wait(&start);
	for (pg = 0; pg < SHARED_PAGES; pg++) {
		p = w->base + pg * PG + w->id * 64;
		if (*(volatile unsigned char *)p != 0 && *(volatile unsigned char *)p != w->id + 1)
			w->errors++;
		for (b = 0; b < 64; b++)
			p[b] = (unsigned char)(w->id + 1);
	}
	uthread_barrier_wait(&start);
	for (pg = 0; pg < SHARED_PAGES; pg++) {
		p = w->base + pg * PG;
		for (b = 0; b < (long)PG; b++) {
			unsigned char want = b < NTHREADS * 64 ? (unsigned char)(b / 64 + 1) : 0;

			if (p[b] != want)
				w->errors++;
		}
	}
	return NULL;
}

/* Neighbouring pages: thread i writes pages i, i+N, ... and checks them all. */
#define NEIGHBOUR_PAGES 512

static void *touch_neighbours(void *arg)
{
	struct worker *w = arg;
	long pg, b;

	uthread_barrier_wait(&start);
	for (pg = w->id; pg < NEIGHBOUR_PAGES; pg += NTHREADS)
		for (b = 0; b < (long)PG; b += 512)
			((long *)(w->base + pg * PG + b))[0] = pg * 10 + b;
	uthread_barrier_wait(&start);
	for (pg = 0; pg < NEIGHBOUR_PAGES; pg++) {
		long *p = (long *)(w->base + pg * PG);

		for (b = 0; b < (long)PG; b += 512)
			if (p[b / 8] != pg * 10 + b || p[b / 8 + 1] != 0)
				w->errors++;
	}
	return NULL;
}

/* Each thread maps, fills, checks and unmaps its own ranges in a loop. */
static void *map_unmap(void *arg)
{
	struct worker *w = arg;
	long round, i, len = 16 * PG;

	uthread_barrier_wait(&start);
	for (round = 0; round < 50; round++) {
		long *p = thread_map((size_t)len);

		if (!p) {
			w->errors++;
			continue;
		}
		for (i = 0; i < len / 8; i += 64)
			if (p[i] != 0)
				w->errors++;
		for (i = 0; i < len / 8; i += 64)
			p[i] = w->id * 1000000 + round * 100 + i;
		for (i = 0; i < len / 8; i += 64)
			if (p[i] != w->id * 1000000 + round * 100 + i)
				w->errors++;
		if (thread_unmap(p, (size_t)len) != 0)
			w->errors++;
	}
	return NULL;
}

/* Run fn on NTHREADS workers over a fresh mapping of pages pages. */
static void run_workers(void *(*fn)(void *), long pages, const char *name)
{
	struct worker w[NTHREADS];
	unsigned char *base = NULL;
	long errors = 0;
	int i, err;

	if (pages) {
		base = thread_map((size_t)pages * PG);
		if (!base) {
			check(0, name, "mmap failed");
			return;
		}
	}
	uthread_barrier_init(&start, NTHREADS);
	for (i = 0; i < NTHREADS; i++)
		w[i] = (struct worker){ .id = i, .base = base };
	err = run_threads(NTHREADS, fn, w, sizeof(w[0]));
	for (i = 0; i < NTHREADS; i++)
		errors += w[i].errors;
	check(err == 0 && errors == 0, name, "%ld wrong bytes/calls, create error %d", errors, err);
	if (base)
		thread_unmap(base, (size_t)pages * PG);
}

/* The child: a thread touches the range in a loop while main unmaps it. */
#define VICTIM_PAGES 64
static unsigned char *victim;
static long touches;

static void *toucher(void *arg)
{
	long pg = 0;

	(void)arg;
	for (;;) {
		victim[pg * PG]++;
		pg = (pg + 1) % VICTIM_PAGES;
		__atomic_add_fetch(&touches, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void child_unmap_under_toucher(void)
{
	uthread_t t;

	victim = thread_map(VICTIM_PAGES * PG);
	if (!victim || uthread_create(&t, toucher, NULL))
		_exit(99);
	while (__atomic_load_n(&touches, __ATOMIC_RELAXED) < 10000)
		;
	if (thread_unmap(victim, VICTIM_PAGES * PG) != 0)
		_exit(98);
	block_ms(10000);
	_exit(97);
}

int main(void)
{
	int status, i;

	tap_start();
	if (!threads_available())
		return tap_done();
	run_workers(touch_shared, SHARED_PAGES,
		    "4 threads fault in the same 128 pages (read, then write)");
	run_workers(touch_neighbours, NEIGHBOUR_PAGES,
		    "4 threads fault in interleaved neighbouring pages");
	run_workers(map_unmap, 0, "4 threads mmap/fill/munmap separate ranges, 50 rounds each");
	for (i = 0; i < 3; i++) {
		status = run_child(child_unmap_under_toucher);
		if (!killed_by(status, SIGSEGV))
			break;
	}
	check(killed_by(status, SIGSEGV),
	      "munmap under a touching thread: SIGSEGV kills the process (3 times)",
	      "%s (99: setup, 98: munmap, 97: no fault)", status_str(status));
	return tap_done();
}
