/* newlib works on this kernel: formatted floats, stdio, sysconf, environ, strtod. */
#include "tap.h"
#include <math.h>

extern char **environ;

int main(int argc, char **argv)
{
	char buf[64];
	long v;

	(void)argc;
	tap_start();
	snprintf(buf, sizeof(buf), "%.3f", 3.14159);
	check(!strcmp(buf, "3.142"), "printf(\"%.3f\", 3.14159) prints 3.142", "got '%s'", buf);
	snprintf(buf, sizeof(buf), "%g %e", 0.5, 12345.678);
	check(!strcmp(buf, "0.5 1.234568e+04"), "printf %g and %e format doubles", "got '%s'", buf);
	check(fabs(sqrt(2.0) * sqrt(2.0) - 2.0) < 1e-12, "libm sqrt works", "inexact");
	check(strtod("2.5e3", NULL) == 2500.0, "strtod parses 2.5e3", "wrong");
	snprintf(buf, sizeof(buf), "%lld %llx", -1234567890123LL, 0xdeadbeefcafeULL);
	check(!strcmp(buf, "-1234567890123 deadbeefcafe"), "printf formats long long", "got '%s'", buf);
	v = sysconf(_SC_PAGESIZE);
	check(v == 4096, "sysconf(_SC_PAGESIZE) is 4096", "got %ld", v);
	v = sysconf(_SC_NPROCESSORS_ONLN);
	check(v >= 1, "sysconf(_SC_NPROCESSORS_ONLN) is at least 1", "got %ld", v);
	check(argv[0] && argv[1] == NULL, "argv ends with NULL after argv[0]", "no");
	check(environ != NULL, "environ is set", "NULL");
	check(setenv("T_LIBC", "yes", 1) == 0 && !strcmp(getenv("T_LIBC"), "yes"),
	      "setenv/getenv round-trip", "lost");
	check(fprintf(stderr, "# t_libc: stderr works\n") > 0, "fprintf to stderr succeeds", "failed");
	return tap_done();
}
