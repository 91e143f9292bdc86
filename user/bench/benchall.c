/*
 * benchall [-r RUNS] [NAME...]: run every /bin/b_* (or the programs
 * named) RUNS times (default 5), collect their "BENCH <name> <value>
 * <unit>" lines (user/bench/bench.h), pass other output through, and print
 * a table of each figure's median, minimum and maximum. Ends with
 * "# benchall: done"; exits 1 if a program failed or printed no figure.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_RUNS 15
#define MAX_FIGURES 128

struct figure {
	char name[64], unit[16];
	double v[MAX_RUNS];
	int n;
};

static struct figure figures[MAX_FIGURES];
static int nfigures;

static void record(const char *name, double value, const char *unit)
{
	struct figure *f;
	int i;

	for (i = 0; i < nfigures; i++)
		if (!strcmp(figures[i].name, name))
			break;
	if (i == nfigures) {
		if (nfigures == MAX_FIGURES)
			return;
		f = &figures[nfigures++];
		snprintf(f->name, sizeof(f->name), "%s", name);
		snprintf(f->unit, sizeof(f->unit), "%s", unit);
	}
	f = &figures[i];
	if (f->n < MAX_RUNS)
		f->v[f->n++] = value;
}

/* Run path once; returns the number of figures it printed, -1 on failure. */
static int run_once(const char *path)
{
	char line[256], name[64], unit[16];
	int fds[2], status, count = 0;
	double value;
	FILE *out;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	out = fdopen(fds[0], "r");
	while (out && fgets(line, sizeof(line), out)) {
		if (sscanf(line, "BENCH %63s %lf %15s", name, &value, unit) == 3) {
			record(name, value, unit);
			count++;
		} else {
			fputs(line, stdout);
		}
	}
	if (out)
		fclose(out);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		printf("# benchall: %s failed\n", path);
		return -1;
	}
	return count;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_table(void)
{
	struct figure *f;
	int i;

	printf("%-36s %14s %14s %14s %5s  %s\n", "# figure", "median", "min", "max", "runs",
	       "unit");
	for (i = 0; i < nfigures; i++) {
		f = &figures[i];
		qsort(f->v, (size_t)f->n, sizeof(f->v[0]), cmp_double);
		printf("%-36s %14.0f %14.0f %14.0f %5d  %s\n", f->name,
		       f->n % 2 ? f->v[f->n / 2] : (f->v[f->n / 2 - 1] + f->v[f->n / 2]) / 2,
		       f->v[0], f->v[f->n - 1], f->n, f->unit);
	}
}

int main(int argc, char **argv)
{
	char **names = NULL, path[300];
	int runs = 5, n = 0, i, r, failed = 0, got;
	struct dirent *e;
	DIR *d;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 2 && !strcmp(argv[1], "-r")) {
		runs = atoi(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (runs < 1 || runs > MAX_RUNS)
		runs = 5;
	if (argc > 1) {
		names = argv + 1;
		n = argc - 1;
	} else if ((d = opendir("/bin"))) {
		while ((e = readdir(d))) {
			if (strncmp(e->d_name, "b_", 2))
				continue;
			names = realloc(names, (size_t)(n + 1) * sizeof(*names));
			names[n++] = strdup(e->d_name);
		}
		closedir(d);
		qsort(names, (size_t)n, sizeof(*names), cmp_name);
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s%s", strchr(names[i], '/') ? "" : "/bin/", names[i]);
		printf("# %s: %d runs\n", names[i], runs);
		for (r = 0; r < runs; r++) {
			got = run_once(path);
			if (got <= 0) {
				failed = 1;
				break;
			}
		}
	}
	if (!n) {
		printf("# benchall: no benchmarks\n");
		failed = 1;
	}
	print_table();
	printf("# benchall: done\n");
	return failed;
}
