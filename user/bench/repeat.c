/*
 * repeat N PREFIX...: run every /bin program whose name starts with one of
 * the prefixes N times in a row (e.g. the thread and SMP tests:
 * `repeat 20 t_thread t_smp t_tlb`). A run passes when it exits 0 without
 * a "not ok" line; the output of a failed run is shown. Prints one TAP
 * line per program ("ok K - NAME: N runs in a row", noting skipped checks)
 * and exits 1 if any run failed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run path; returns 1 if it passed. Its output goes to *buf (malloc-ed). */
static int run_captured(const char *path, char **buf)
{
	size_t len = 0, cap = 4096;
	int fds[2], status, bad_line = 0;
	ssize_t got;
	pid_t pid;

	*buf = malloc(cap + 1);
	if (!*buf || pipe(fds) < 0)
		return 0;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((got = read(fds[0], *buf + len, cap - len)) > 0) {
		len += (size_t)got;
		if (len == cap) {
			char *more = realloc(*buf, 2 * cap + 1);

			if (!more)
				break;
			*buf = more;
			cap *= 2;
		}
	}
	close(fds[0]);
	(*buf)[len] = 0;
	if (!strncmp(*buf, "not ok", 6) || strstr(*buf, "\nnot ok"))
		bad_line = 1;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 && !bad_line;
}

static int matches(const char *name, char **prefixes, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	char **names = NULL, path[300], *out;
	int rounds, n = 0, i, r, failed = 0, skipped;
	struct dirent *e;
	DIR *d;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3 || (rounds = atoi(argv[1])) < 1) {
		printf("usage: repeat N PREFIX...\n");
		return 2;
	}
	d = opendir("/bin");
	while (d && (e = readdir(d))) {
		if (!matches(e->d_name, argv + 2, argc - 2))
			continue;
		names = realloc(names, (size_t)(n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	if (d)
		closedir(d);
	qsort(names, (size_t)n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/bin/%s", names[i]);
		skipped = 0;
		for (r = 1; r <= rounds; r++) {
			int ok = run_captured(path, &out);

			if (!ok)
				printf("# %s run %d failed; its output:\n%s", names[i], r, out ? out : "");
			skipped |= out && strstr(out, "# SKIP");
			free(out);
			if (!ok)
				break;
		}
		if (r > rounds)
			printf("ok %d - %s: %d runs in a row%s\n", i + 1, names[i], rounds,
			       skipped ? " (some checks SKIP)" : "");
		else
			printf("not ok %d - %s: run %d of %d failed\n", i + 1, names[i], r, rounds);
		failed |= r <= rounds;
	}
	if (!n) {
		printf("not ok 1 - repeat: no /bin program matches\n");
		n = 1;
		failed = 1;
	}
	printf("1..%d\n", n);
	return failed;
}
