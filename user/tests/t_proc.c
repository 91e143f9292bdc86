/* Tests of fork/execve/wait4/exit/getpid/getppid/kill/uname/sched_yield. */
#include "tap.h"
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

#define CHAIN_DEPTH 10
#define CHAIN_STATUS 42

static const char *self;

/* "chain N": N more levels of fork + exec of ourselves, then exit CHAIN_STATUS. */
static int chain(int n)
{
	char arg[16];
	int status;
	pid_t pid;

	if (n == 0)
		return CHAIN_STATUS;
	pid = fork();
	if (pid == 0) {
		snprintf(arg, sizeof(arg), "%d", n - 1);
		execl(self, self, "chain", arg, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

static void test_fork_wait(void)
{
	pid_t me = getpid(), pid, got;
	int status = -1, fds[2];
	pid_t child_view[2] = { 0, 0 };

	check(me > 0, "getpid returns a positive pid", "got %d", me);
	check(getppid() > 0, "getppid returns a positive pid", "got %d", getppid());
	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		child_view[0] = getpid();
		child_view[1] = getppid();
		write(fds[1], child_view, sizeof(child_view));
		_exit(7);
	}
	check(pid > 0 && pid != me, "fork returns the child's pid to the parent", "got %d", pid);
	read(fds[0], child_view, sizeof(child_view));
	close(fds[0]);
	close(fds[1]);
	check(child_view[0] == pid, "the child's getpid is what fork returned", "%d vs %d",
	      child_view[0], pid);
	check(child_view[1] == me, "the child's getppid is the parent", "%d vs %d",
	      child_view[1], me);
	got = waitpid(pid, &status, 0);
	check(got == pid, "waitpid returns the child's pid", "got %d", got);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 7, "the exit status reaches the parent",
	      "%s", status_str(status));
	check_err(waitpid(pid, &status, 0), ECHILD, "waiting again for a reaped child fails with ECHILD");
	check_err(wait(&status), ECHILD, "wait without children fails with ECHILD");
	check_err(waitpid(1, &status, 0), ECHILD, "waitpid for another process's child fails with ECHILD");

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(300);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == (300 & 0xff),
	      "exit status is truncated to 8 bits", "%s", status_str(status));

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		usleep(200000);
		_exit(0);
	}
	check(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG on a running child returns 0", "not 0");
	check_err(waitpid(pid, &status, 0x00100000), EINVAL, "waitpid with unknown options fails with EINVAL");
	check_err(syscall(SYS_wait4, pid, BAD_ADDR, 0, 0), EFAULT,
		  "wait4 with a bad status pointer fails with EFAULT");
}

static void test_exec(void)
{
	char *argv[] = { "true", NULL };
	int status;
	pid_t pid;

	status = chain(CHAIN_DEPTH);
	check(status == CHAIN_STATUS, "a chain of 10 nested fork+exec+wait returns the innermost status",
	      "got %d", status);
	check_err(execve("/no/such/program", argv, NULL), ENOENT, "execve of a missing file fails with ENOENT");
	check_err(execve(BAD_ADDR, argv, NULL), EFAULT, "execve of a bad path pointer fails with EFAULT");
	check_err(execve("/bin/true", BAD_ADDR, NULL), EFAULT, "execve with a bad argv fails with EFAULT");
	check_err(execve("/bin", argv, NULL), EACCES, "execve of a directory fails with EACCES");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/bin/false", "false", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 1, "exec of /bin/false exits 1",
	      "%s", status_str(status));
}

static void sleep_forever(void)
{
	for (;;)
		sleep(1000);
}

static void test_kill(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		sleep_forever();
	check(kill(pid, SIGKILL) == 0, "kill SIGKILL of a child succeeds", "errno %d", errno);
	waitpid(pid, &status, 0);
	check(killed_by(status, SIGKILL), "a child killed by SIGKILL reports WTERMSIG 9",
	      "%s", status_str(status));
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		sleep_forever();
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	check(killed_by(status, SIGTERM), "a child killed by SIGTERM reports WTERMSIG 15",
	      "%s", status_str(status));
	check(kill(getpid(), 0) == 0, "kill with signal 0 checks that the process exists", "failed");
	check_err(kill(getpid(), 1000), EINVAL, "kill with an invalid signal fails with EINVAL");
	check_err(kill(pid, SIGTERM), ESRCH, "kill of a reaped pid fails with ESRCH");
}

static void test_misc(void)
{
	struct utsname u;

	check(sched_yield() == 0, "sched_yield returns 0", "errno %d", errno);
	check(uname(&u) == 0, "uname succeeds", "errno %d", errno);
#if defined(__x86_64__)
	check(!strcmp(u.machine, "x86_64"), "uname machine is x86_64", "got '%s'", u.machine);
#else
	check(!strcmp(u.machine, "aarch64"), "uname machine is aarch64", "got '%s'", u.machine);
#endif
	check_err(uname(BAD_ADDR), EFAULT, "uname into a bad pointer fails with EFAULT");
	check_err(uname(KERNEL_ADDR), EFAULT, "uname into a kernel pointer fails with EFAULT");
	check(gettid() == getpid(), "gettid of a single-threaded process is its pid", "differs");
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 3 && !strcmp(argv[1], "chain"))
		return chain(atoi(argv[2]));
	tap_start();
	test_fork_wait();
	test_exec();
	test_kill();
	test_misc();
	return tap_done();
}
