/*
 * runtests [DIR]: run every DIR/t_* (default /bin) in name order, passing
 * its TAP output through. Adds a "not ok" line for a test program that is
 * killed by a signal, exits non-zero without reporting a failure, or runs
 * a different number of checks than its plan says, and one when the
 * kernel's memory checker (/sys/kernel/debug/vm_check) finds a problem
 * after the program. Prints "# runtests: done" and exits 0 if everything
 * passed, 1 otherwise.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct result {
	int checks, failures, plan;
};

/* Pass one line through and count it. */
static void tap_line(const char *line, struct result *r)
{
	fputs(line, stdout);
	if (!strncmp(line, "ok ", 3)) {
		r->checks++;
	} else if (!strncmp(line, "not ok ", 7)) {
		r->checks++;
		r->failures++;
	} else if (!strncmp(line, "1..", 3)) {
		r->plan = atoi(line + 3);
	}
}

/* Run one test program; returns 1 if it passed. */
static int run_one(const char *dir, const char *name)
{
	struct result r = { 0, 0, -1 };
	char path[512], line[1024];
	int fds[2], status;
	FILE *out;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	printf("# %s\n", name);
	fflush(stdout);
	if (pipe(fds) < 0) {
		printf("not ok - %s: pipe: %s\n", name, strerror(errno));
		return 0;
	}
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, (char *)NULL);
		fprintf(stderr, "runtests: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		printf("not ok - %s: fork: %s\n", name, strerror(errno));
		return 0;
	}
	out = fdopen(fds[0], "r");
	while (out && fgets(line, sizeof(line), out))
		tap_line(line, &r);
	if (out)
		fclose(out);
	if (waitpid(pid, &status, 0) != pid) {
		printf("not ok - %s: waitpid: %s\n", name, strerror(errno));
		return 0;
	}
	if (WIFSIGNALED(status)) {
		printf("not ok - %s: killed by signal %d\n", name, WTERMSIG(status));
		return 0;
	}
	if (WEXITSTATUS(status) && !r.failures) {
		printf("not ok - %s: exited with status %d\n", name, WEXITSTATUS(status));
		return 0;
	}
	if (r.plan != r.checks) {
		printf("not ok - %s: planned %d checks, ran %d\n", name, r.plan, r.checks);
		return 0;
	}
	return !r.failures && !WEXITSTATUS(status);
}

/* Run the kernel's mm checker; returns 1 if it says "ok" (or is absent). */
static int vm_check_ok(const char *name)
{
	char buf[256];
	int fd = open("/sys/kernel/debug/vm_check", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	if (!strcmp(buf, "ok\n"))
		return 1;
	buf[strcspn(buf, "\n")] = '\0';
	printf("not ok - vm_check after %s: %s\n", name, buf);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/bin";
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_DFL);
	if (!d) {
		printf("not ok - runtests: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "t_", 2))
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		failed |= !run_one(dir, names[i]);
		failed |= !vm_check_ok(names[i]);
		free(names[i]);
	}
	free(names);
	if (!n) {
		printf("not ok - runtests: no t_* programs in %s\n", dir);
		failed = 1;
	}
	printf("# runtests: done\n");
	return failed;
}
