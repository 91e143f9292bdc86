/*
 * 1,000 fork+exit cycles must not leak a page: MemFree in /proc/meminfo is
 * the same before and after. (Running on a busy host, other processes move
 * MemFree too: set LEAK_TOLERANCE_KB there.)
 */
#include "tap.h"

#define CYCLES 1000

/* MemFree in KiB, or -1. */
static long mem_free(void)
{
	char line[128];
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemFree: %ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

int main(void)
{
	const char *tol_env = getenv("LEAK_TOLERANCE_KB");
	long before, after, tol = tol_env ? atol(tol_env) : 0;
	int i, status, bad = 0;
	pid_t pid;

	tap_start();
	/* a first cycle so that lazily allocated kernel state exists before measuring */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	before = mem_free();
	check(before > 0, "MemFree is readable from /proc/meminfo", "got %ld", before);
	for (i = 0; i < CYCLES; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i & 0xff);
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != (i & 0xff)) {
			bad = 1;
			break;
		}
	}
	after = mem_free();
	check(!bad, "1000 fork+exit+wait cycles all report their status", "failed at cycle %d", i);
	check(labs(after - before) <= tol, "MemFree is the same before and after 1000 fork+exit cycles",
	      "%ld kB before, %ld kB after", before, after);
	return tap_done();
}
