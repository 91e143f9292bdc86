/*
 * COW after fork (mm-semantics.md 7, cases 1 and 2), on every memory kind:
 * a write by either process after fork is seen by that process only, also
 * when the writer first made its mapping read-only and writable again
 * (mprotect round trip).
 */
#include "mm_util.h"

#define SIZE (16 * PAGE)

enum writer { CHILD_WRITES, PARENT_WRITES };

/*
 * Fork with mem holding seed 1; `writer` writes seed 2 after an optional
 * mprotect round trip; the other side must still see seed 1. Returns a
 * failure description or NULL.
 */
static const char *cow_case(char *mem, enum writer writer, int round_trip)
{
	static char why[160];
	const char *err = NULL;
	int go[2], status;
	char c = 0;
	pid_t pid;

	fill(mem, SIZE, 1);
	if (pipe(go))
		return "pipe failed";
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		close(go[1]);
		if (!filled(mem, SIZE, 1))
			_exit(2);		/* child did not inherit the data */
		if (writer == CHILD_WRITES) {
			if (round_trip && (mprotect(mem, SIZE, PROT_READ) ||
					   mprotect(mem, SIZE, PROT_READ | PROT_WRITE)))
				_exit(3);
			fill(mem, SIZE, 2);
			_exit(filled(mem, SIZE, 2) ? 0 : 4);
		}
		if (read(go[0], &c, 1) != 1)
			_exit(5);
		_exit(filled(mem, SIZE, 1) ? 0 : 6);	/* parent's write leaked */
	}
	close(go[0]);
	if (writer == PARENT_WRITES) {
		if (round_trip && (mprotect(mem, SIZE, PROT_READ) ||
				   mprotect(mem, SIZE, PROT_READ | PROT_WRITE)))
			err = "mprotect round trip in the parent failed";
		fill(mem, SIZE, 2);
		if (write(go[1], &c, 1) != 1)
			return "pipe write failed";
	}
	close(go[1]);
	if (waitpid(pid, &status, 0) != pid)
		return "waitpid failed";
	if (!child_ok(status)) {
		snprintf(why, sizeof(why), "child %s (2: inherit, 4: own write, 6: saw parent's write)",
			 status_str(status));
		return why;
	}
	if (writer == CHILD_WRITES && !filled(mem, SIZE, 1))
		return "the parent sees the child's write";
	if (writer == PARENT_WRITES && !filled(mem, SIZE, 2))
		return "the parent lost its own write";
	return err;
}

static void run_kind(const struct mem_kind *kind)
{
	static const char *const dir[] = { "the child writes", "the parent writes" };
	int has_mprotect, w, rt;
	char name[128];
	char *mem;

	mem = kind->alloc(SIZE);
	has_mprotect = mem && !(mprotect(mem, SIZE, PROT_READ | PROT_WRITE) && errno == ENOSYS);
	for (rt = 0; rt < 2; rt++) {
		for (w = CHILD_WRITES; w <= PARENT_WRITES; w++) {
			const char *why;

			snprintf(name, sizeof(name), "%s: COW after fork, %s%s", kind->name, dir[w],
				 rt ? " after an mprotect round trip" : "");
			if (!mem) {
				check(0, name, "cannot allocate the memory");
				continue;
			}
			if (rt && !has_mprotect) {
				skip(name, "mprotect not implemented");
				continue;
			}
			why = cow_case(mem, w, rt);
			check(!why, name, "%s", why ? why : "");
		}
	}
	if (mem)
		munmap(mem, SIZE);
}

int main(void)
{
	size_t k;

	tap_start();
	for (k = 0; k < NR_MEM_KINDS; k++)
		run_kind(&mem_kinds[k]);
	return tap_done();
}
