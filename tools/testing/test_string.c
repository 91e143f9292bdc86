/*
 * Host tests for lib/string.c, built with every function renamed to k_*
 * (string.mk) so the kernel's versions run beside the C library's. This
 * file undoes the renaming and calls k_* explicitly; libc helpers here are
 * only for setting up and checking buffers.
 */
#undef memset
#undef memcpy
#undef memmove
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strstr
#undef strlcpy

#include <string.h>

#include <kernel/types.h>

#include "host.h"

void *k_memset(void *s, int c, size_t n);
void *k_memcpy(void *dst, const void *src, size_t n);
void *k_memmove(void *dst, const void *src, size_t n);
int k_memcmp(const void *a, const void *b, size_t n);
size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t max);
int k_strcmp(const char *a, const char *b);
int k_strncmp(const char *a, const char *b, size_t n);
char *k_strchr(const char *s, int c);
char *k_strstr(const char *hay, const char *needle);
size_t k_strlcpy(char *dst, const char *src, size_t size);
unsigned long kstrtoul_prefix(const char *s, const char **end);

static void fill_pattern(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + 1);
}

TEST(memset_fills_exactly_n_bytes)
{
	unsigned char buf[64];

	memset(buf, 0xaa, sizeof(buf));
	CHECK(k_memset(buf + 3, 0x1ff, 50) == buf + 3, "returns dst");
	for (size_t i = 0; i < sizeof(buf); i++)
		CHECK(buf[i] == (i >= 3 && i < 53 ? 0xff : 0xaa),
		      "byte %zu is %#x (c is converted to unsigned char)", i, buf[i]);
	k_memset(buf, 0, 0);
	CHECK(buf[0] == 0xaa, "n = 0 writes nothing");
}

/* Every alignment of source and destination, every short length. */
TEST(memcpy_all_alignments_and_lengths)
{
	unsigned char src[96], dst[96], want[96];

	fill_pattern(src, sizeof(src));
	for (size_t so = 0; so < 8; so++)
		for (size_t d = 0; d < 8; d++)
			for (size_t n = 0; n <= 80; n++) {
				memset(dst, 0, sizeof(dst));
				memset(want, 0, sizeof(want));
				memcpy(want + d, src + so, n);
				CHECK(k_memcpy(dst + d, src + so, n) == dst + d,
				      "returns dst");
				if (memcmp(dst, want, sizeof(dst))) {
					CHECK(0, "copy src+%zu -> dst+%zu n=%zu", so,
					      d, n);
					return;
				}
			}
}

TEST(memmove_overlapping_both_directions)
{
	unsigned char buf[64], want[64];

	for (int shift = -9; shift <= 9; shift++) {
		for (size_t n = 0; n <= 40; n++) {
			size_t from = 12, to = (size_t)(12 + shift);

			fill_pattern(buf, sizeof(buf));
			fill_pattern(want, sizeof(want));
			memmove(want + to, want + from, n);
			CHECK(k_memmove(buf + to, buf + from, n) == buf + to,
			      "returns dst");
			CHECK(!memcmp(buf, want, sizeof(buf)),
			      "memmove shift %d n=%zu corrupted the data", shift, n);
		}
	}
}

TEST(memcmp_sign_uses_unsigned_bytes)
{
	CHECK(k_memcmp("abc", "abc", 3) == 0, "equal");
	CHECK(k_memcmp("abc", "abd", 3) < 0, "less");
	CHECK(k_memcmp("abd", "abc", 3) > 0, "greater");
	CHECK(k_memcmp("\x80", "\x01", 1) > 0, "0x80 > 0x01 (unsigned)");
	CHECK(k_memcmp("\x01", "\xff", 1) < 0, "0x01 < 0xff (unsigned)");
	CHECK(k_memcmp("abX", "abY", 2) == 0, "only n bytes compared");
	CHECK(k_memcmp("a", "b", 0) == 0, "n = 0 is equal");
}

TEST(strlen_and_strnlen)
{
	CHECK(k_strlen("") == 0 && k_strlen("hello") == 5, "strlen");
	CHECK(k_strnlen("hello", 3) == 3, "strnlen stops at max");
	CHECK(k_strnlen("hello", 10) == 5, "strnlen stops at NUL");
	CHECK(k_strnlen("hello", 0) == 0, "strnlen max 0");
	{
		char unterminated[4] = { 'a', 'b', 'c', 'd' };	/* ASan guards */

		CHECK(k_strnlen(unterminated, 4) == 4, "never reads past max");
	}
}

TEST(strcmp_and_strncmp)
{
	CHECK(k_strcmp("abc", "abc") == 0, "equal");
	CHECK(k_strcmp("abc", "abd") < 0 && k_strcmp("abd", "abc") > 0, "order");
	CHECK(k_strcmp("ab", "abc") < 0 && k_strcmp("abc", "ab") > 0, "prefix");
	CHECK(k_strcmp("\xff", "a") > 0, "unsigned comparison");
	CHECK(k_strncmp("abcX", "abcY", 3) == 0, "strncmp stops at n");
	CHECK(k_strncmp("ab", "ab\0x", 4) == 0, "strncmp stops at NUL");
	CHECK(k_strncmp("abc", "abd", 3) < 0, "strncmp order");
	CHECK(k_strncmp("\x80", "\x01", 1) > 0, "strncmp unsigned");
	CHECK(k_strncmp("a", "b", 0) == 0, "strncmp n = 0");
}

TEST(strchr_finds_first_and_the_terminator)
{
	const char *s = "hello";

	CHECK(k_strchr(s, 'l') == s + 2, "first 'l'");
	CHECK(k_strchr(s, 'z') == NULL, "missing");
	CHECK(k_strchr(s, '\0') == s + 5, "the NUL itself");
	CHECK(k_strchr(s, 'h' + 256) == s, "c converted to char");
}

TEST(strstr_finds_first_occurrence)
{
	const char *s = "abcabcabd";

	CHECK(k_strstr(s, "abd") == s + 6, "late match");
	CHECK(k_strstr(s, "bc") == s + 1, "first of several");
	CHECK(k_strstr(s, "abcabcabd") == s, "whole string");
	CHECK(k_strstr(s, "abcabcabde") == NULL, "longer than hay");
	CHECK(k_strstr(s, "x") == NULL, "missing");
	CHECK(k_strstr(s, "") == s, "empty needle matches at the start");
	CHECK(k_strstr("", "") != NULL, "empty in empty");
	CHECK(k_strstr("", "a") == NULL, "anything in empty");
}

TEST(strlcpy_truncates_and_returns_source_length)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	CHECK(k_strlcpy(buf, "hi", sizeof(buf)) == 2 && !strcmp(buf, "hi"), "fits");
	memset(buf, 'X', sizeof(buf));
	CHECK(k_strlcpy(buf, "0123456789", sizeof(buf)) == 10, "returns strlen(src)");
	CHECK(!strcmp(buf, "0123456"), "truncated to size-1 + NUL: %s", buf);
	memset(buf, 'X', sizeof(buf));
	CHECK(k_strlcpy(buf, "abc", 0) == 3 && buf[0] == 'X', "size 0 writes nothing");
	CHECK(k_strlcpy(buf, "abc", 1) == 3 && buf[0] == '\0', "size 1: only NUL");
	CHECK(k_strlcpy(buf, "1234567", 8) == 7 && !strcmp(buf, "1234567"),
	      "exact fit");
}

TEST(kstrtoul_prefix_decimal_and_hex)
{
	const char *end;

	CHECK(kstrtoul_prefix("12345 rest", &end) == 12345 && *end == ' ',
	      "decimal stops at the first non-digit");
	CHECK(kstrtoul_prefix("0x1fF", &end) == 0x1ff && *end == '\0', "hex");
	CHECK(kstrtoul_prefix("0XABC,", &end) == 0xabc && *end == ',', "0X prefix");
	CHECK(kstrtoul_prefix("0x12g", &end) == 0x12 && *end == 'g', "hex stops");
	CHECK(kstrtoul_prefix("12ab", &end) == 12 && *end == 'a',
	      "no hex digits without 0x");
	CHECK(kstrtoul_prefix("007", &end) == 7 && *end == '\0', "leading zeros");
	CHECK(kstrtoul_prefix("abc", &end) == 0 && *end == 'a', "no digits");
	CHECK(kstrtoul_prefix("18446744073709551615", NULL) == 18446744073709551615UL,
	      "ULONG_MAX, end may be NULL");
	CHECK(kstrtoul_prefix("0xffff800000000000", NULL) == 0xffff800000000000UL,
	      "64-bit hex");
}
