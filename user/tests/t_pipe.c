/* Tests of pipe/pipe2: data between processes, EOF, EPIPE/SIGPIPE, bad input. */
#include "tap.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>

#define BIG (256 * 1024)		/* more than a pipe buffer holds */

static void test_basic(void)
{
	int fds[2];
	char buf[8] = "";

	check(pipe(fds) == 0 && fds[0] >= 0 && fds[1] > fds[0], "pipe returns two new fds",
	      "errno %d", errno);
	check(write(fds[1], "hello", 5) == 5, "write to a pipe returns the count", "short");
	check(read(fds[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
	      "read from a pipe returns what was written", "got '%s'", buf);
	check_err(read(fds[1], buf, 1), EBADF, "read from the write end fails with EBADF");
	check_err(write(fds[0], "x", 1), EBADF, "write to the read end fails with EBADF");
	check_err(lseek(fds[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe fails with ESPIPE");
	check_err(write(fds[1], BAD_ADDR, 4), EFAULT, "write from a bad pointer fails with EFAULT");
	check_err(write(fds[1], buf, HUGE_COUNT), EFAULT,
		  "write with a count past the end of user space fails with EFAULT");
	close(fds[1]);
	check(read(fds[0], buf, sizeof(buf)) == 0, "read returns 0 (EOF) once the writer closed",
	      "not EOF");
	close(fds[0]);
	check_err(pipe(BAD_ADDR), EFAULT, "pipe with a bad pointer fails with EFAULT");
	check_err(pipe(KERNEL_ADDR), EFAULT, "pipe with a kernel pointer fails with EFAULT");
	check_err(pipe2(fds, 0x12345678), EINVAL, "pipe2 with unknown flags fails with EINVAL");
	check(pipe2(fds, O_CLOEXEC) == 0, "pipe2 with O_CLOEXEC succeeds", "errno %d", errno);
	close(fds[0]);
	close(fds[1]);
}

/* A writer child streams BIG bytes with a pattern; the parent checks them. */
static void test_two_processes(void)
{
	static unsigned char buf[BIG];
	int fds[2], status, bad = 0;
	size_t got = 0, i;
	ssize_t n;
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (i = 0; i < BIG; i++)
			buf[i] = (unsigned char)(i * 7 + 3);
		for (i = 0; i < BIG; i += (size_t)n) {
			n = write(fds[1], buf + i, BIG - i);
			if (n <= 0)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	memset(buf, 0, sizeof(buf));
	while (got < BIG && (n = read(fds[0], buf + got, BIG - got)) > 0)
		got += (size_t)n;
	for (i = 0; i < got; i++)
		bad |= buf[i] != (unsigned char)(i * 7 + 3);
	check(got == BIG && !bad, "256 KiB pass intact from one process to another",
	      "got %zu bytes, %s", got, bad ? "corrupted" : "intact");
	check(read(fds[0], buf, 1) == 0, "the reader sees EOF after the writer exits", "no EOF");
	close(fds[0]);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the writer exits 0", "%s", status_str(status));
}

/* echo | cat through a pipe built like a shell does, output read back. */
static void test_pipeline(void)
{
	int p1[2], p2[2], s1, s2;
	char buf[64] = "";
	ssize_t n, got = 0;
	pid_t a, b;

	pipe(p1);
	pipe(p2);
	fflush(stdout);
	a = fork();
	if (a == 0) {
		dup2(p1[1], 1);
		close(p1[0]); close(p1[1]); close(p2[0]); close(p2[1]);
		execl("/bin/echo", "echo", "through", "the", "pipe", (char *)NULL);
		_exit(127);
	}
	b = fork();
	if (b == 0) {
		dup2(p1[0], 0);
		dup2(p2[1], 1);
		close(p1[0]); close(p1[1]); close(p2[0]); close(p2[1]);
		execl("/bin/cat", "cat", (char *)NULL);
		_exit(127);
	}
	close(p1[0]); close(p1[1]); close(p2[1]);
	while ((n = read(p2[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	close(p2[0]);
	waitpid(a, &s1, 0);
	waitpid(b, &s2, 0);
	check(!strcmp(buf, "through the pipe\n"), "echo | cat delivers echo's output",
	      "got '%s'", buf);
	check(WIFEXITED(s1) && !WEXITSTATUS(s1) && WIFEXITED(s2) && !WEXITSTATUS(s2),
	      "both ends of the pipeline exit 0", "%s", status_str(s2));
}

static int epipe_fds[2];

static void write_to_closed_pipe(void)
{
	write(epipe_fds[1], "x", 1);
	_exit(0);
}

static void test_epipe(void)
{
	int status;

	pipe(epipe_fds);
	close(epipe_fds[0]);
	status = run_child(write_to_closed_pipe);
	check(killed_by(status, SIGPIPE), "writing to a pipe without readers raises SIGPIPE",
	      "%s", status_str(status));
	check(signal(SIGPIPE, SIG_IGN) == SIG_DFL, "signal(SIGPIPE, SIG_IGN) returns SIG_DFL",
	      "other handler");
	check_err(write(epipe_fds[1], "x", 1), EPIPE,
		  "with SIGPIPE ignored, the write fails with EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(epipe_fds[1]);
}

int main(void)
{
	tap_start();
	test_basic();
	test_two_processes();
	test_pipeline();
	test_epipe();
	return tap_done();
}
