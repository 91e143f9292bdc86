/*
 * Host tests for lib/printf.c, built as k_vsnprintf/k_snprintf (printf.mk)
 * so it can sit beside the C library's: fixed expectations for every
 * conversion the kernel uses, truncation rules, and a differential check
 * against the host snprintf for the conversions where the two must agree.
 */
#undef snprintf
#undef vsnprintf

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include <kernel/printk.h>

#include "host.h"

int k_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int k_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Format into a 128-byte buffer and compare with want (and its length). */
#define EXPECT_FMT(want, ...)                                                 \
	do {                                                                  \
		char __b[128];                                                \
		int __n = k_snprintf(__b, sizeof(__b), __VA_ARGS__);          \
		CHECK(!strcmp(__b, want) && __n == (int)strlen(want),         \
		      "%s: got \"%s\" (%d), want \"%s\"", #__VA_ARGS__, __b,   \
		      __n, want);                                             \
	} while (0)

TEST(printf_signed_decimal)
{
	EXPECT_FMT("0", "%d", 0);
	EXPECT_FMT("-42 17", "%d %i", -42, 17);
	EXPECT_FMT("-2147483648", "%d", INT_MIN);
	EXPECT_FMT("2147483647", "%i", INT_MAX);
	EXPECT_FMT("-9223372036854775808", "%ld", LONG_MIN);
	EXPECT_FMT("-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT("9223372036854775807", "%lli", LLONG_MAX);
}

TEST(printf_unsigned_and_hex)
{
	EXPECT_FMT("4294967295", "%u", UINT_MAX);
	EXPECT_FMT("18446744073709551615", "%lu", ULONG_MAX);
	EXPECT_FMT("18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT_FMT("deadbeef DEADBEEF", "%x %X", 0xdeadbeefu, 0xdeadbeefu);
	EXPECT_FMT("ffffffffffffffff", "%lx", ULONG_MAX);
	EXPECT_FMT("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	EXPECT_FMT("4096 1000", "%zu %zx", (size_t)4096, (size_t)4096);
	EXPECT_FMT("ffffffff", "%x", -1);	/* int promoted to unsigned */
	EXPECT_FMT("17", "%o", 15);
}

TEST(printf_width_zero_pad_and_left_justify)
{
	EXPECT_FMT("   42|", "%5d|", 42);
	EXPECT_FMT("00042|", "%05d|", 42);
	EXPECT_FMT("-0042|", "%05d|", -42);
	EXPECT_FMT("  -42|", "%5d|", -42);
	EXPECT_FMT("42   |", "%-5d|", 42);
	EXPECT_FMT("0000beef", "%08x", 0xbeef);
	EXPECT_FMT("123456", "%3d", 123456);	/* width is a minimum */
	EXPECT_FMT("   ab|", "%*s|", 5, "ab");
	EXPECT_FMT("ab   |", "%*s|", -5, "ab");
	EXPECT_FMT("00000000ffff0000", "%016lx", 0xffff0000UL);
}

TEST(printf_alternate_form)
{
	EXPECT_FMT("0x2a", "%#x", 0x2a);
	EXPECT_FMT("0X2A", "%#X", 0x2a);
	EXPECT_FMT("0", "%#x", 0);		/* C: no prefix on zero */
	EXPECT_FMT("0x00002a", "%#08x", 0x2a);
	EXPECT_FMT("    0x2a", "%#8x", 0x2a);
	EXPECT_FMT("0x2a    |", "%-#8x|", 0x2a);
	EXPECT_FMT("017", "%#o", 15);
}

TEST(printf_strings_chars_pointers)
{
	const char *volatile null_str = NULL;	/* hidden from -Wformat */

	EXPECT_FMT("hello world", "%s %s", "hello", "world");
	EXPECT_FMT("(null)", "%s", null_str);
	EXPECT_FMT("  abc|abc  |", "%5s|%-5s|", "abc", "abc");
	EXPECT_FMT("ab", "%.2s", "abcdef");
	EXPECT_FMT("x|  y|z  |", "%c|%3c|%-3c|", 'x', 'y', 'z');
	EXPECT_FMT("0xffff800000001000", "%p", (void *)0xffff800000001000UL);
	EXPECT_FMT("0x0", "%p", NULL);
	EXPECT_FMT("100%", "100%%");
	EXPECT_FMT("", "%s", "");
}

TEST(printf_truncation_keeps_full_length_and_nul)
{
	char buf[8];
	int n;

	memset(buf, 'X', sizeof(buf));
	n = k_snprintf(buf, sizeof(buf), "%s", "0123456789");
	CHECK(n == 10, "returns the untruncated length: %d", n);
	CHECK(!strcmp(buf, "0123456"), "keeps size-1 bytes and a NUL: %s", buf);

	memset(buf, 'X', sizeof(buf));
	n = k_snprintf(buf, 0, "%d", 12345);
	CHECK(n == 5 && buf[0] == 'X', "size 0 writes nothing (n=%d)", n);

	n = k_snprintf(NULL, 0, "%lx-%s", 0xabcUL, "tail");
	CHECK(n == 8, "NULL buffer with size 0 just measures: %d", n);

	n = k_snprintf(buf, 1, "abc");
	CHECK(n == 3 && buf[0] == '\0', "size 1 stores only the NUL");

	memset(buf, 'X', sizeof(buf));
	n = k_snprintf(buf, 5, "%08x", 0xbeef);
	CHECK(n == 8 && !strcmp(buf, "0000") && buf[5] == 'X',
	      "truncated padding, nothing past size: \"%s\"", buf);

	n = k_snprintf(buf, sizeof(buf), "%5d%-5d|", 1, 2);
	CHECK(n == 11 && !strcmp(buf, "    12 "), "width across the cut: %s", buf);
}

/* Conversions where the kernel's formatter must match C99 exactly. */
TEST(printf_matches_libc_for_integer_flags_and_widths)
{
	static const char *const flags[] = { "", "-", "0", "#", "-#", "0#", "-0" };
	static const char *const widths[] = { "", "1", "6", "20" };
	static const char convs[] = "diuxXo";
	static const long long values[] = { 0, 1, -1, 7, 255, -255, 65536,
					    INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN };
	static const char *const lengths[] = { "", "l", "ll" };
	char fmt[32], want[64], got[64];
	int bad = 0;

	for (size_t f = 0; f < sizeof(flags) / sizeof(flags[0]); f++)
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
	for (size_t c = 0; convs[c]; c++)
	for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++)
	for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		int n1, n2;

		if (strchr(flags[f], '#') && strchr("diu", convs[c]))
			continue;	/* '#' is undefined for decimal */
		snprintf(fmt, sizeof(fmt), "%%%s%s%s%c", flags[f], widths[w],
			 lengths[l], convs[c]);
		if (l == 0) {
			n1 = snprintf(want, sizeof(want), fmt, (int)values[v]);
			n2 = k_snprintf(got, sizeof(got), fmt, (int)values[v]);
		} else if (l == 1) {
			n1 = snprintf(want, sizeof(want), fmt, (long)values[v]);
			n2 = k_snprintf(got, sizeof(got), fmt, (long)values[v]);
		} else {
			n1 = snprintf(want, sizeof(want), fmt, values[v]);
			n2 = k_snprintf(got, sizeof(got), fmt, values[v]);
		}
		if ((n1 != n2 || strcmp(want, got)) && bad++ < 5)
			CHECK(0, "%s of %lld: libc \"%s\" (%d), ours \"%s\" (%d)",
			      fmt, values[v], want, n1, got, n2);
	}
	CHECK(bad == 0, "%d formats differ from libc", bad);
}
