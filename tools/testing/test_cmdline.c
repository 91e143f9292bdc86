/*
 * Host tests for kernel/cmdline.c: the command line is space-separated
 * words, "flag" or "key=value"; cmdline_has() matches whole flag words,
 * cmdline_get() copies a value, truncated to fit the buffer.
 */
#include <string.h>

#include <kernel/boot.h>

#include "host.h"

TEST(cmdline_has_matches_whole_words_only)
{
	CHECK(cmdline_has("selftest", "selftest"), "the only word");
	CHECK(cmdline_has("quiet selftest", "selftest"), "the last word");
	CHECK(cmdline_has("selftest quiet", "selftest"), "the first word");
	CHECK(cmdline_has("a  selftest  b", "selftest"), "between extra spaces");
	CHECK(!cmdline_has("selftest=fault", "selftest"), "a key is not a flag");
	CHECK(!cmdline_has("selftests", "selftest"), "a longer word");
	CHECK(!cmdline_has("noselftest", "selftest"), "a word ending in it");
	CHECK(!cmdline_has("self", "selftest"), "a shorter word");
	CHECK(!cmdline_has("", "selftest"), "empty command line");
	CHECK(!cmdline_has("init=/bin/selftest", "selftest"), "inside a value");
}

TEST(cmdline_get_copies_the_value)
{
	char buf[32];

	CHECK(cmdline_get("init=/bin/sh foo", "init", buf, sizeof(buf)) &&
		      !strcmp(buf, "/bin/sh"), "first word: \"%s\"", buf);
	CHECK(cmdline_get("foo mem=64M", "mem", buf, sizeof(buf)) &&
		      !strcmp(buf, "64M"), "last word: \"%s\"", buf);
	CHECK(cmdline_get("console=", "console", buf, sizeof(buf)) &&
		      !strcmp(buf, ""), "empty value");
	CHECK(cmdline_get("a=1=2", "a", buf, sizeof(buf)) && !strcmp(buf, "1=2"),
	      "value keeps later '=': \"%s\"", buf);
	CHECK(cmdline_get("xinit=1 init=2", "init", buf, sizeof(buf)) &&
		      !strcmp(buf, "2"), "key must be a whole word: \"%s\"", buf);
}

TEST(cmdline_get_missing_key_is_false)
{
	char buf[8] = "keep";

	CHECK(!cmdline_get("quiet init", "init", buf, sizeof(buf)),
	      "a flag has no value");
	CHECK(!cmdline_get("initrd=x", "init", buf, sizeof(buf)), "longer key");
	CHECK(!cmdline_get("", "init", buf, sizeof(buf)), "empty command line");
	CHECK(!strcmp(buf, "keep"), "buffer untouched when absent");
}

TEST(cmdline_get_truncates_to_len_minus_one)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	CHECK(cmdline_get("root=/dev/vda1xyz", "root", buf, 5), "present");
	CHECK(!strcmp(buf, "/dev") && buf[5] == 'X',
	      "4 bytes + NUL, nothing after: \"%s\"", buf);
	memset(buf, 'X', sizeof(buf));
	CHECK(cmdline_get("root=abc", "root", buf, 0) && buf[0] == 'X',
	      "len 0 only reports presence");
}
