/* sysconf(): page size from the auxiliary vector, CPUs from /sys. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/auxv.h>

/* Count the CPUs in a list such as "0-3" or "0,2-3" (/sys/devices/system/cpu/online). */
static long cpus_online(void)
{
	char buf[128];
	long count = 0, lo = -1, cur = 0;
	int fd = open("/sys/devices/system/cpu/online", O_RDONLY);
	ssize_t n, i;

	if (fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	for (i = 0; i <= n; i++) {
		char c = buf[i];

		if (c >= '0' && c <= '9') {
			cur = cur * 10 + (c - '0');
		} else if (c == '-') {
			lo = cur;
			cur = 0;
		} else if (c == ',' || c == '\n' || c == '\0') {
			if (i > 0 && buf[i - 1] >= '0' && buf[i - 1] <= '9')
				count += lo >= 0 ? cur - lo + 1 : 1;
			lo = -1;
			cur = 0;
			if (c != ',')
				break;
		}
	}
	return count > 0 ? count : 1;
}

long sysconf(int name)
{
	unsigned long v;

	switch (name) {
	case _SC_PAGESIZE:
		v = getauxval(AT_PAGESZ);
		return v ? (long)v : 4096;
	case _SC_NPROCESSORS_ONLN:
	case _SC_NPROCESSORS_CONF:
		return cpus_online();
	case _SC_CLK_TCK:
		return 100;
	default:
		errno = EINVAL;
		return -1;
	}
}

int getpagesize(void)
{
	return (int)sysconf(_SC_PAGESIZE);
}
