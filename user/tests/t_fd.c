/* Tests of dup/dup2/dup3 and getdents64. */
#include "tap.h"
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>

/* The kernel's getdents64 record (glibc does not export the struct). */
struct kdirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void test_dup(void)
{
	int fd = open("/bin/true", O_RDONLY), d, fds[2];
	char c = 0;

	d = dup(fd);
	check(d == fd + 1, "dup returns the lowest free fd", "got %d for %d", d, fd);
	check(lseek(fd, 2, SEEK_SET) == 2 && lseek(d, 0, SEEK_CUR) == 2,
	      "a dup shares the file offset", "offsets differ");
	close(d);
	check_err(dup(4242), EBADF, "dup of an unused fd fails with EBADF");
	check(dup2(fd, 20) == 20, "dup2 to a free fd returns it", "wrong");
	check(dup2(fd, fd) == fd, "dup2 of an fd onto itself returns it", "wrong");
	check_err(dup2(4242, 21), EBADF, "dup2 of an unused fd fails with EBADF");
	check_err(dup2(fd, -1), EBADF, "dup2 to fd -1 fails with EBADF");
	check_err(dup3(fd, fd, 0), EINVAL, "dup3 onto the same fd fails with EINVAL");
	check_err(dup3(fd, 22, 0x1234), EINVAL, "dup3 with unknown flags fails with EINVAL");
	close(20);
	close(fd);

	/* dup2 onto an open fd closes it first: redirect a pipe into fd 20 */
	pipe(fds);
	fd = open("/bin/true", O_RDONLY);
	dup2(fds[1], fd);
	check(write(fd, "z", 1) == 1 && read(fds[0], &c, 1) == 1 && c == 'z',
	      "dup2 onto an open fd redirects it", "got '%c'", c);
	close(fd);
	close(fds[0]);
	close(fds[1]);
}

/* stdout of a child redirected into a pipe with dup2, then exec of echo */
static void test_redirect(void)
{
	int fds[2], status;
	char buf[64] = "";
	ssize_t n, got = 0;
	pid_t pid;

	pipe(fds);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/echo", "echo", "redirected", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	close(fds[0]);
	waitpid(pid, &status, 0);
	check(!strcmp(buf, "redirected\n"), "exec'd program writes to a dup2-redirected stdout",
	      "read '%s'", buf);
}

static void test_getdents(void)
{
	char buf[4096] __attribute__((aligned(8)));
	int fd = open("/bin", O_RDONLY | O_DIRECTORY), found_true = 0, found_false = 0;
	int bad_reclen = 0;
	long n, off;
	struct kdirent *d;

	check(fd >= 0, "open O_DIRECTORY of /bin succeeds", "errno %d", errno);
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n; off += d->d_reclen) {
			d = (struct kdirent *)(buf + off);
			if (d->d_reclen < offsetof(struct kdirent, d_name) + 2 || d->d_reclen % 8)
				bad_reclen = 1;
			found_true |= !strcmp(d->d_name, "true");
			found_false |= !strcmp(d->d_name, "false");
			if (bad_reclen)
				break;
		}
		if (bad_reclen)
			break;
	}
	check(n == 0, "getdents64 ends with 0 at the end of the directory", "got %ld", n);
	check(!bad_reclen, "getdents64 records are 8-byte aligned", "bad d_reclen");
	check(found_true && found_false, "getdents64 of /bin lists true and false", "missing");
	lseek(fd, 0, SEEK_SET);
	check_err(getdents64(fd, BAD_ADDR, sizeof(buf)), EFAULT,
		  "getdents64 into a bad pointer fails with EFAULT");
	check_err(getdents64(fd, buf, 1), EINVAL, "getdents64 with a too-small buffer fails with EINVAL");
	close(fd);
	check_err(getdents64(4242, buf, sizeof(buf)), EBADF, "getdents64 of an unused fd fails with EBADF");
	fd = open("/bin/true", O_RDONLY);
	check_err(getdents64(fd, buf, sizeof(buf)), ENOTDIR, "getdents64 of a file fails with ENOTDIR");
	close(fd);
}

static void test_readdir(void)
{
	DIR *d = opendir("/bin");
	struct dirent *e;
	int found = 0;

	check(d != NULL, "opendir of /bin succeeds", "errno %d", errno);
	while (d && (e = readdir(d)))
		found |= !strcmp(e->d_name, "false");
	check(found, "readdir of /bin finds false", "missing");
	if (d)
		closedir(d);
	check(opendir("/no/such") == NULL && errno == ENOENT, "opendir of a missing directory fails with ENOENT", "errno %d", errno);
}

int main(void)
{
	tap_start();
	test_dup();
	test_redirect();
	test_getdents();
	test_readdir();
	return tap_done();
}
