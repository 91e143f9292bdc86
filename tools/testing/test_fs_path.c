/*
 * Host tests for kernel/fs/path.c: splitting a path into components
 * (repeated slashes collapse), the trailing-slash rule, and making an
 * absolute path canonical ("." and ".." removed, ".." stops at the root).
 */
#include <string.h>

#include "../../kernel/fs/path.h"

#include "host.h"

/* The components of path joined by '|', e.g. "a|b". */
static void split(const char *path, char *out, size_t size)
{
	const char *p = path, *name;
	size_t len, used = 0;

	out[0] = '\0';
	for (;;) {
		p = path_next(p, &name, &len);
		if (!len)
			break;
		used += snprintf(out + used, size - used, "%s%.*s", used ? "|" : "", (int)len, name);
	}
}

TEST(path_next_splits_on_slashes)
{
	char buf[128];

	split("/bin/sh", buf, sizeof(buf));
	CHECK(!strcmp(buf, "bin|sh"), "absolute: \"%s\"", buf);
	split("a//b///c/", buf, sizeof(buf));
	CHECK(!strcmp(buf, "a|b|c"), "repeated and trailing slashes: \"%s\"", buf);
	split("///", buf, sizeof(buf));
	CHECK(!strcmp(buf, ""), "only slashes: \"%s\"", buf);
	split("", buf, sizeof(buf));
	CHECK(!strcmp(buf, ""), "empty: \"%s\"", buf);
	split("./..", buf, sizeof(buf));
	CHECK(!strcmp(buf, ".|.."), "dots are components: \"%s\"", buf);
}

TEST(path_at_end_ignores_slashes)
{
	CHECK(path_at_end(""), "empty");
	CHECK(path_at_end("//"), "slashes");
	CHECK(!path_at_end("/a"), "a component follows");
}

TEST(trailing_slash_needs_a_component)
{
	CHECK(path_has_trailing_slash("a/"), "a/");
	CHECK(path_has_trailing_slash("/a/b//"), "/a/b//");
	CHECK(!path_has_trailing_slash("/"), "the root alone");
	CHECK(!path_has_trailing_slash("///"), "slashes alone");
	CHECK(!path_has_trailing_slash("a"), "no slash");
	CHECK(!path_has_trailing_slash(""), "empty");
}

static void check_norm(const char *in, const char *want)
{
	char buf[256];

	strcpy(buf, in);
	path_normalize(buf);
	CHECK(!strcmp(buf, want), "\"%s\" -> \"%s\", want \"%s\"", in, buf, want);
}

TEST(path_normalize_makes_canonical_paths)
{
	check_norm("/", "/");
	check_norm("//", "/");
	check_norm("/a/b", "/a/b");
	check_norm("/a//b/", "/a/b");
	check_norm("/a/./b/.", "/a/b");
	check_norm("/a/b/..", "/a");
	check_norm("/a/b/../../c", "/c");
	check_norm("/..", "/");
	check_norm("/../../a/..", "/");
	check_norm("/tmp//x/../y/./z/", "/tmp/y/z");
	check_norm("/home/u//../v", "/home/v");
	check_norm("/.a/..b/...", "/.a/..b/...");
}
