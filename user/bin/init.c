/*
 * init: the first process. Runs its arguments as a program (default
 * /bin/sh), reaps every child (orphans are reparented to init) and, when
 * that program exits, exits with its status (128 + signal if killed), so
 * the kernel powers off with it.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Make sure fds 0, 1 and 2 are the console. */
static void open_console(void)
{
	struct stat st;
	int fd;

	if (fstat(0, &st) == 0)
		return;
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;
	while (fd < 2)
		fd = dup(fd);
}

int main(int argc, char **argv)
{
	char *shell[] = { "/bin/sh", NULL };
	char **prog = argc > 1 ? argv + 1 : shell;
	int status;
	pid_t child, pid;

	open_console();
	setenv("PATH", "/bin", 0);
	child = fork();
	if (child < 0) {
		perror("init: fork");
		return 1;
	}
	if (child == 0) {
		execvp(prog[0], prog);
		fprintf(stderr, "init: %s: ", prog[0]);
		perror("exec");
		_exit(127);
	}
	for (;;) {
		pid = wait(&status);
		if (pid < 0) {
			perror("init: wait");
			return 1;
		}
		if (pid != child)
			continue;
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		return 128 + WTERMSIG(status);
	}
}
