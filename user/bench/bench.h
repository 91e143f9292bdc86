/*
 * Benchmark helpers. Each /bin/b_* program (user/bench/b_*.c) measures
 * once per run and prints one line per figure:
 *     BENCH <name> <value> <unit>
 * /bin/benchall runs every b_* several times and prints the median, minimum
 * and maximum of each figure; any other output is passed through. Speed
 * goals live here, never in the timed tests. Builds on the host too
 * (user/bench/host.sh -b).
 */
#ifndef USER_BENCH_H
#define USER_BENCH_H

#include "../tests/threads.h"

/* Print one figure (the line benchall collects). */
static inline void bench_report(const char *name, double value, const char *unit)
{
	printf("BENCH %s %.0f %s\n", name, value, unit);
	fflush(stdout);
}

/* The pgfault counter of /proc/vmstat, or -1 when there is none. */
static inline long long vmstat_pgfault(void)
{
	char line[128];
	long long v = -1;
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "pgfault %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

#endif
