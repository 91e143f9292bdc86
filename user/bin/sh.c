/*
 * sh: a small shell. Reads lines from stdin (prompt "$ "), runs programs
 * with arguments found through $PATH (default /bin), pipelines
 * "a | b | c", and the built-ins `exit [N]` and `cd DIR`. Reports a
 * program killed by a signal the way other shells do.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 32
#define MAX_CMDS 8

struct cmd {
	char *argv[MAX_ARGS + 1];
};

static int last_status;

/* Split line at '|' and blanks into cmds; returns their number, -1 on a syntax error. */
static int parse(char *line, struct cmd *cmds)
{
	int n = 0, argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			*p++ = '\0';
		if (!*p || *p == '|') {
			if (argc == 0)
				return (!*p && n == 0) ? 0 : -1;
			cmds[n].argv[argc] = NULL;
			n++;
			argc = 0;
			if (!*p)
				return n;
			if (n == MAX_CMDS)
				return -1;
			*p++ = '\0';
			continue;
		}
		if (argc == MAX_ARGS)
			return -1;
		cmds[n].argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '|')
			p++;
	}
}

static void report(int status)
{
	int sig;

	if (!WIFSIGNALED(status))
		return;
	sig = WTERMSIG(status);
	switch (sig) {
	case SIGPIPE:
		break;
	case SIGSEGV:
		fprintf(stderr, "Segmentation fault\n");
		break;
	case SIGBUS:
		fprintf(stderr, "Bus error\n");
		break;
	case SIGKILL:
		fprintf(stderr, "Killed\n");
		break;
	case SIGTERM:
		fprintf(stderr, "Terminated\n");
		break;
	default:
		fprintf(stderr, "Killed by signal %d\n", sig);
	}
}

/* Run a pipeline of n commands; returns the last command's status. */
static int run(struct cmd *cmds, int n)
{
	pid_t pids[MAX_CMDS];
	int i, in = -1, fds[2], status = 0, last = 0;

	fflush(stdout);
	for (i = 0; i < n; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < n && pipe(fds) < 0) {
			perror("sh: pipe");
			break;
		}
		pids[i] = fork();
		if (pids[i] == 0) {
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			execvp(cmds[i].argv[0], cmds[i].argv);
			if (errno == ENOENT)
				fprintf(stderr, "sh: %s: not found\n", cmds[i].argv[0]);
			else
				fprintf(stderr, "sh: %s: %s\n", cmds[i].argv[0], strerror(errno));
			_exit(errno == ENOENT ? 127 : 126);
		}
		if (pids[i] < 0)
			perror("sh: fork");
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		if (pids[i] < 0)
			break;
	}
	if (in >= 0)
		close(in);
	n = i;
	for (i = 0; i < n; i++) {
		if (pids[i] <= 0 || waitpid(pids[i], &status, 0) < 0)
			continue;
		if (i == n - 1) {
			last = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
			report(status);
		}
	}
	return last;
}

/* Built-ins; returns 1 if cmd was one. */
static int builtin(struct cmd *cmd)
{
	char **argv = cmd->argv;

	if (!strcmp(argv[0], "exit"))
		exit(argv[1] ? atoi(argv[1]) : last_status);
	if (!strcmp(argv[0], "cd")) {
		if (chdir(argv[1] ? argv[1] : "/") < 0)
			fprintf(stderr, "sh: cd: %s: %s\n", argv[1] ? argv[1] : "/",
				strerror(errno));
		return 1;
	}
	return 0;
}

int main(void)
{
	char line[512];
	struct cmd cmds[MAX_CMDS];
	int n;

	signal(SIGPIPE, SIG_DFL);
	for (;;) {
		fputs("$ ", stdout);
		fflush(stdout);
		if (!fgets(line, sizeof(line), stdin))
			break;
		n = parse(line, cmds);
		if (n < 0) {
			fprintf(stderr, "sh: syntax error\n");
			last_status = 2;
			continue;
		}
		if (n == 0 || (n == 1 && builtin(&cmds[0])))
			continue;
		last_status = run(cmds, n);
	}
	return last_status;
}
