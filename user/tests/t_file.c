/* Tests of open/read/write/close/lseek/pread/fstat/ioctl on files. */
#include "tap.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define FILE_PATH "/bin/true"		/* an ELF file on every system */

static char big[1 << 17];

static void test_open(void)
{
	int fd = open(FILE_PATH, O_RDONLY);

	check(fd >= 3, "open of an existing file returns a new fd >= 3", "got %d", fd);
	check_ok(close(fd), "close of an open fd succeeds");
	check_err(close(fd), EBADF, "close of a closed fd fails with EBADF");
	check_err(open("/no/such/file", O_RDONLY), ENOENT, "open of a missing file fails with ENOENT");
	check_err(open(BAD_ADDR, O_RDONLY), EFAULT, "open of a bad path pointer fails with EFAULT");
	check_err(open(KERNEL_ADDR, O_RDONLY), EFAULT, "open of a kernel path pointer fails with EFAULT");
	check_err(open("/bin", O_WRONLY), EISDIR, "open of a directory for writing fails with EISDIR");
	check_err(open(FILE_PATH, O_RDONLY | O_DIRECTORY), ENOTDIR,
		  "open O_DIRECTORY of a file fails with ENOTDIR");
	check_err(close(-1), EBADF, "close(-1) fails with EBADF");
	check_err(close(100000), EBADF, "close of a huge fd fails with EBADF");
}

static void test_read(void)
{
	char buf[16];
	int fd = open(FILE_PATH, O_RDONLY);
	ssize_t n;

	n = read(fd, buf, 4);
	check(n == 4 && !memcmp(buf, "\177ELF", 4), "read returns the file's first bytes",
	      "got %zd bytes", n);
	check(read(fd, buf, 0) == 0, "read of 0 bytes returns 0", "nonzero");
	check_err(read(fd, BAD_ADDR, 4), EFAULT, "read into a bad pointer fails with EFAULT");
	check_err(read(fd, KERNEL_ADDR, 4), EFAULT, "read into a kernel pointer fails with EFAULT");
	check_err(read(fd, big, HUGE_COUNT), EFAULT,
		  "read with a count past the end of user space fails with EFAULT");
	check_err(read(-1, buf, 4), EBADF, "read from fd -1 fails with EBADF");
	check_err(read(4242, buf, 4), EBADF, "read from an unused fd fails with EBADF");
	check_err(write(fd, "x", 1), EBADF, "write to a read-only fd fails with EBADF");
	check_err(write(4242, "x", 1), EBADF, "write to an unused fd fails with EBADF");
	close(fd);
	fd = open("/dev/null", O_WRONLY);
	check(write(fd, "abc", 3) == 3, "write to /dev/null returns the count", "short write");
	check_err(read(fd, buf, 1), EBADF, "read from a write-only fd fails with EBADF");
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	check(read(fd, buf, sizeof(buf)) == 0, "read from /dev/null returns 0 (EOF)", "nonzero");
	close(fd);
}

static void test_lseek_pread(void)
{
	char buf[8];
	int fd = open(FILE_PATH, O_RDONLY);
	off_t end;

	check(lseek(fd, 1, SEEK_SET) == 1, "lseek SEEK_SET returns the new offset", "wrong");
	check(read(fd, buf, 3) == 3 && !memcmp(buf, "ELF", 3),
	      "read after lseek starts at the new offset", "wrong bytes");
	check(lseek(fd, 0, SEEK_CUR) == 4, "lseek SEEK_CUR 0 reports the offset", "wrong");
	end = lseek(fd, 0, SEEK_END);
	check(end > 4, "lseek SEEK_END returns the file size", "got %ld", (long)end);
	check(read(fd, buf, 8) == 0, "read at the end of the file returns 0", "nonzero");
	check_err(lseek(fd, -1, SEEK_SET), EINVAL, "lseek to a negative offset fails with EINVAL");
	check_err(lseek(fd, 0, 42), EINVAL, "lseek with a bad whence fails with EINVAL");
	check_err(lseek(4242, 0, SEEK_SET), EBADF, "lseek of an unused fd fails with EBADF");
	check(pread(fd, buf, 3, 1) == 3 && !memcmp(buf, "ELF", 3),
	      "pread reads at the given offset", "wrong bytes");
	check(lseek(fd, 0, SEEK_CUR) == end, "pread leaves the file offset alone", "moved");
	check_err(pread(fd, buf, 3, -1), EINVAL, "pread at a negative offset fails with EINVAL");
	check_err(pread(fd, BAD_ADDR, 3, 0), EFAULT, "pread into a bad pointer fails with EFAULT");
	check_err(pwrite(fd, "x", 1, 0), EBADF, "pwrite to a read-only fd fails with EBADF");
	close(fd);
}

static void test_fstat(void)
{
	struct stat st;
	int fd = open(FILE_PATH, O_RDONLY);
	off_t size = lseek(fd, 0, SEEK_END);

	check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode), "fstat of a file says regular file",
	      "mode 0%o", (unsigned)st.st_mode);
	check(st.st_size == size, "fstat size matches lseek SEEK_END",
	      "%ld vs %ld", (long)st.st_size, (long)size);
	check(stat("/bin", &st) == 0 && S_ISDIR(st.st_mode), "stat of /bin says directory",
	      "mode 0%o", (unsigned)st.st_mode);
	check_err(stat("/no/such", &st), ENOENT, "stat of a missing path fails with ENOENT");
	check_err(fstat(4242, &st), EBADF, "fstat of an unused fd fails with EBADF");
	check_err(syscall(SYS_fstat, fd, BAD_ADDR), EFAULT, "fstat into a bad pointer fails with EFAULT");
	check_err(syscall(SYS_fstat, fd, KERNEL_ADDR), EFAULT,
		  "fstat into a kernel pointer fails with EFAULT");
	close(fd);
}

static void test_ioctl(void)
{
	char termios[64];
	int fd = open(FILE_PATH, O_RDONLY);

	check_err(ioctl(fd, TCGETS, termios), ENOTTY, "TCGETS on a regular file fails with ENOTTY");
	check_err(ioctl(4242, TCGETS, termios), EBADF, "ioctl on an unused fd fails with EBADF");
	check(!isatty(fd), "isatty is false for a regular file", "true");
	close(fd);
}

int main(void)
{
	tap_start();
	test_open();
	test_read();
	test_lseek_pread();
	test_fstat();
	test_ioctl();
	return tap_done();
}
