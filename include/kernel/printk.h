/*
 * Kernel console output and fatal-error helpers.
 *
 * printk() formats with lib/printf.c and writes through console_write().
 * panic() prints, dumps nothing more (callers that have registers dump them
 * first) and powers the machine off with EXIT_PANIC.
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <kernel/compiler.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#ifndef HOST_TEST
void console_write(const char *s, size_t n);
int printk(const char *fmt, ...) __printf(1, 2);
void __noreturn panic(const char *fmt, ...) __printf(1, 2);
#else
#include <stdio.h>
#include <stdlib.h>
#define printk(...) printf(__VA_ARGS__)
/* Host tests: panic() longjmps back to an EXPECT_PANIC() or aborts. */
void __noreturn host_panic(const char *fmt, ...) __printf(1, 2);
#define panic(...) host_panic(__VA_ARGS__)
#endif

#define BUG_ON(cond)                                                        \
	do {                                                                \
		if (unlikely(cond))                                         \
			panic("BUG at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	} while (0)

#define WARN_ON(cond)                                                       \
	({                                                                  \
		bool __w = !!(cond);                                        \
		if (unlikely(__w))                                          \
			printk("WARNING at %s:%d: %s\n", __FILE__, __LINE__, \
			       #cond);                                      \
		__w;                                                        \
	})

#endif
