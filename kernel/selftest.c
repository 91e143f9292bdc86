/*
 * The self-test runner: walks the .ktests section (between the linker
 * symbols __ktests_start and __ktests_end) and prints TAP version 13.
 */
#include <kernel/printk.h>
#include <kernel/selftest.h>
#include <kernel/string.h>

extern const struct ktest __ktests_start[], __ktests_end[];
static bool current_failed;

void ktest_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("# %s:%d: assertion failed: %s: %s\n", file, line, cond, msg);
	current_failed = true;
}

static bool selected(const struct ktest *t, const char *only)
{
	return only ? !strcmp(t->name, only) : !t->death;
}

int run_selftests(const char *only)
{
	const struct ktest *t;
	int n = 0, i = 0, failed = 0;

	for (t = __ktests_start; t < __ktests_end; t++)
		n += selected(t, only);
	printk("TAP version 13\n1..%d\n", n);
	for (t = __ktests_start; t < __ktests_end; t++) {
		if (!selected(t, only))
			continue;
		current_failed = false;
		t->fn();
		printk("%s %d - %s\n", current_failed ? "not ok" : "ok", ++i, t->name);
		failed += current_failed;
	}
	printk("# selftest: %d passed, %d failed\n", n - failed, failed);
	return failed;
}
