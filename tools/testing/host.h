/*
 * Host unit-test harness: kernel code from mm/ and lib/ built as ordinary
 * programs (with -DHOST_TEST, AddressSanitizer and UBSan) and checked with
 * TAP output that tools/test.sh counts.
 *
 *   TEST(buddy_split_every_order) { CHECK(x == 1, "why: %d", x); }
 *   EXPECT_PANIC(folio_put(f));   passes only if the statement panics
 */
#ifndef HOST_TEST_HARNESS_H
#define HOST_TEST_HARNESS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>

struct host_test {
	const char *name;
	void (*fn)(void);
	struct host_test *next;
};

void host_test_register(struct host_test *t);
void host_check_failed(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define TEST(name)                                                     \
	static void name(void);                                        \
	static struct host_test name##_desc = { #name, name, NULL };   \
	__attribute__((constructor)) static void name##_reg(void)      \
	{                                                              \
		host_test_register(&name##_desc);                      \
	}                                                              \
	static void name(void)

/* Record a failure (the test goes on, and is reported "not ok"). */
#define CHECK(cond, ...)                                               \
	do {                                                           \
		if (!(cond))                                           \
			host_check_failed(__FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

extern jmp_buf *host_panic_jmp;
extern char host_panic_msg[256];

#define EXPECT_PANIC(stmt)                                             \
	do {                                                           \
		jmp_buf __jb;                                          \
		host_panic_jmp = &__jb;                                \
		if (setjmp(__jb) == 0) {                               \
			stmt;                                          \
			host_panic_jmp = NULL;                         \
			host_check_failed(__FILE__, __LINE__,          \
					  "expected a panic from: %s", #stmt); \
		}                                                      \
		host_panic_jmp = NULL;                                 \
	} while (0)

#endif
