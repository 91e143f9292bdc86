/*
 * In-kernel self-tests, run at boot when the command line says so:
 *
 *   selftest          run every test (TAP on the console), then power off
 *                     with status 0 if all passed, EXIT_FAILURE_CODE if not
 *   selftest=NAME     run only the test NAME (also the "death" tests below)
 *
 *   KTEST(buddy_alloc_every_order) {
 *           KTEST_ASSERT(nr_free_pages() > 0, "no free pages");
 *   }
 *
 * A failed KTEST_ASSERT prints a TAP diagnostic and returns from the test.
 * KTEST_DEATH(name) declares a test that is expected to end the kernel
 * (e.g. an Oops); it runs only when named, and the harness checks its output.
 */
#ifndef KERNEL_SELFTEST_H
#define KERNEL_SELFTEST_H

#include <kernel/compiler.h>

struct ktest {
	const char *name;
	void (*fn)(void);
	bool death;
};

void ktest_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__printf(4, 5);

#define __KTEST(tname, is_death)                                            \
	static void ktest_##tname(void);                                    \
	static const struct ktest __ktest_##tname __used __aligned(8)       \
		__section(".ktests") = { #tname, ktest_##tname, is_death }; \
	static void ktest_##tname(void)

#define KTEST(name) __KTEST(name, false)
#define KTEST_DEATH(name) __KTEST(name, true)

#define KTEST_ASSERT(cond, ...)                                              \
	do {                                                                 \
		if (!(cond)) {                                               \
			ktest_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);  \
			return;                                              \
		}                                                            \
	} while (0)

/* Run the tests the command line selects; returns the number that failed. */
int run_selftests(const char *only);

#endif
