/*
 * vmsplice(2) pins (mm-semantics.md 7, cases 3 and 4; CVE-2020-29374): the
 * pipe delivers the data as it was when vmsplice ran, whatever either
 * process writes or unmaps later. Also vmsplice's plain behaviour (the read
 * end copies out, SIGPIPE/EPIPE, non-blocking) and its bad input.
 */
#include "mm_util.h"
#include <signal.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#define SIZE (8 * PAGE)		/* well inside one pipe (64 KiB) */

/* Read exactly n bytes from fd (0 on success). */
static int read_all(int fd, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, buf + got, n - got);
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static int splice_range(int fd, char *mem, size_t n)
{
	struct iovec iov = { mem, n };

	return vmsplice(fd, &iov, 1, 0) == (ssize_t)n ? 0 : -1;
}

/*
 * Case 3: the child vmsplices the shared memory into a pipe and unmaps it;
 * the parent then writes its copy; the pipe must still give the old data.
 */
static const char *pin_in_child(char *mem)
{
	static char buf[SIZE];
	int data[2], sync[2], status;
	char c = 0;
	pid_t pid;

	fill(mem, SIZE, 1);
	if (pipe(data) || pipe(sync))
		return "pipe failed";
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		if (splice_range(data[1], mem, SIZE))
			_exit(2);
		munmap(mem, SIZE);
		if (write(sync[1], &c, 1) != 1)
			_exit(3);
		_exit(0);
	}
	if (read(sync[0], &c, 1) != 1) {
		waitpid(pid, &status, 0);
		return "the child failed to vmsplice";
	}
	fill(mem, SIZE, 2);		/* the parent's write after the child's pin */
	if (waitpid(pid, &status, 0) != pid || !child_ok(status))
		return "the child failed";
	if (read_all(data[0], buf, SIZE))
		return "reading the pipe failed";
	close(data[0]), close(data[1]), close(sync[0]), close(sync[1]);
	if (!filled(mem, SIZE, 2))
		return "the parent lost its write";
	return filled(buf, SIZE, 1) ? NULL : "the pipe delivered the parent's later write";
}

/*
 * Case 4: the parent vmsplices before fork and unmaps after it; the child
 * then writes its copy; the pipe must give the old data.
 */
static const char *pin_before_fork(char *mem)
{
	static char buf[SIZE];
	int data[2], status;
	pid_t pid;

	fill(mem, SIZE, 1);
	if (pipe(data))
		return "pipe failed";
	if (splice_range(data[1], mem, SIZE))
		return "vmsplice failed";
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		usleep(10000);		/* let the parent unmap first */
		fill(mem, SIZE, 2);
		_exit(filled(mem, SIZE, 2) ? 0 : 2);
	}
	munmap(mem, SIZE);
	if (waitpid(pid, &status, 0) != pid || !child_ok(status))
		return "the child failed";
	if (read_all(data[0], buf, SIZE))
		return "reading the pipe failed";
	close(data[0]), close(data[1]);
	return filled(buf, SIZE, 1) ? NULL : "the pipe delivered the child's later write";
}

/* The pipe holds the data of vmsplice time even when the same process writes later. */
static const char *pin_then_write(char *mem)
{
	static char buf[SIZE];
	int data[2];

	fill(mem, SIZE, 1);
	if (pipe(data))
		return "pipe failed";
	if (splice_range(data[1], mem, SIZE))
		return "vmsplice failed";
	fill(mem, SIZE, 2);
	if (read_all(data[0], buf, SIZE))
		return "reading the pipe failed";
	close(data[0]), close(data[1]);
	/* Linux hands out page references here: the pipe may show the new data
	 * (uapi.md); what must hold is that it is one of the two, whole. */
	return filled(buf, SIZE, 1) || filled(buf, SIZE, 2) ? NULL : "the pipe delivered a mix";
}

static void run_kind(const struct mem_kind *kind)
{
	static const struct {
		const char *name;
		const char *(*fn)(char *mem);
	} cases[] = {
		{ "vmsplice in the child, unmap in the child, the parent writes: the pipe has the old data",
		  pin_in_child },
		{ "vmsplice before fork, unmap in the parent, the child writes: the pipe has the old data",
		  pin_before_fork },
		{ "vmsplice then a write by the same process: the pipe has whole pages",
		  pin_then_write },
	};
	char name[200];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *mem = kind->alloc(SIZE);
		const char *why = mem ? cases[i].fn(mem) : "cannot allocate the memory";

		snprintf(name, sizeof(name), "%s: %s", kind->name, cases[i].name);
		check(!why, name, "%s", why ? why : "");
		if (mem)
			munmap(mem, SIZE);
	}
}

static void test_plain(void)
{
	char buf[16] = "", msg[] = "hello";
	struct iovec iov[2] = { { msg, 3 }, { msg + 3, 2 } };
	int fds[2];

	pipe(fds);
	check(vmsplice(fds[1], iov, 2, 0) == 5, "vmsplice of two segments returns their total",
	      "errno %d", errno);
	check(read(fds[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
	      "read gives the spliced bytes in order", "got '%s'", buf);
	check(vmsplice(fds[1], iov, 0, 0) == 0, "vmsplice of no segments returns 0", "errno %d", errno);
	write(fds[1], "world", 5);
	memset(buf, 0, sizeof(buf));
	iov[0].iov_base = buf;
	iov[0].iov_len = sizeof(buf);
	check(vmsplice(fds[0], iov, 1, 0) == 5 && !memcmp(buf, "world", 5),
	      "vmsplice on the read end copies the pipe's data out", "got '%s'", buf);
	check(vmsplice(fds[0], iov, 1, SPLICE_F_NONBLOCK) == -1 && errno == EAGAIN,
	      "vmsplice SPLICE_F_NONBLOCK on an empty pipe fails with EAGAIN", "errno %d", errno);
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);
	iov[0].iov_base = msg;
	iov[0].iov_len = 5;
	check_err(vmsplice(fds[1], iov, 1, 0), EPIPE, "vmsplice with no reader fails with EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
}

static void test_bad_input(void)
{
	char *mem = alloc_base_pages(PAGE);
	struct iovec iov = { mem, PAGE }, many[1025];
	int fds[2], null_fd = open("/dev/null", O_WRONLY);
	size_t i;

	pipe(fds);
	for (i = 0; i < 1025; i++)
		many[i] = (struct iovec){ mem, 1 };
	check_err(vmsplice(4242, &iov, 1, 0), EBADF, "vmsplice on an unused fd fails with EBADF");
	check_err(vmsplice(null_fd, &iov, 1, 0), EBADF, "vmsplice on a non-pipe fails with EBADF");
	check_err(vmsplice(fds[1], &iov, 1, 0x100), EINVAL,
		  "vmsplice with unknown flags fails with EINVAL");
	check_err(vmsplice(fds[1], many, 1025, 0), EINVAL,
		  "vmsplice of more than 1024 segments fails with EINVAL");
	check_err(vmsplice(fds[1], BAD_ADDR, 1, 0), EFAULT,
		  "vmsplice with a bad iovec pointer fails with EFAULT");
	check_err(vmsplice(fds[1], KERNEL_ADDR, 1, 0), EFAULT,
		  "vmsplice with a kernel iovec pointer fails with EFAULT");
	iov.iov_base = BAD_ADDR;
	check_err(vmsplice(fds[1], &iov, 1, 0), EFAULT, "vmsplice of an unmapped buffer fails with EFAULT");
	iov.iov_base = KERNEL_ADDR;
	check_err(vmsplice(fds[1], &iov, 1, 0), EFAULT, "vmsplice of a kernel buffer fails with EFAULT");
	iov.iov_base = mem;
	iov.iov_len = HUGE_COUNT;
	check_err(vmsplice(fds[1], &iov, 1, 0), EINVAL,
		  "vmsplice of a segment longer than SSIZE_MAX fails with EINVAL");
	close(fds[0]), close(fds[1]), close(null_fd);
	munmap(mem, PAGE);
}

int main(void)
{
	size_t k;

	tap_start();
	if (vmsplice(-1, NULL, 0, 0) == -1 && errno == ENOSYS) {
		skip("vmsplice", "not implemented");
		return tap_done();
	}
	for (k = 0; k < NR_MEM_KINDS; k++)
		run_kind(&mem_kinds[k]);
	test_plain();
	test_bad_input();
	return tap_done();
}
