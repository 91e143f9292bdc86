/*
 * Kernel command line queries. The command line is a space-separated list
 * of words, each either "flag" or "key=value".
 */
#include <kernel/boot.h>
#include <kernel/string.h>

/* Find the word that starts with key (len klen) and ends at ' ', '=' or NUL. */
static const char *find_word(const char *s, const char *key, size_t klen, bool want_value)
{
	while (*s) {
		const char *w = s;
		size_t n = 0;

		while (w[n] && w[n] != ' ')
			n++;
		if (n >= klen && !strncmp(w, key, klen)) {
			char next = w[klen];

			if (want_value ? next == '=' : (next == ' ' || next == '\0'))
				return w + klen;
		}
		s = w + n;
		while (*s == ' ')
			s++;
	}
	return NULL;
}

bool cmdline_has(const char *cmdline, const char *word)
{
	return find_word(cmdline, word, strlen(word), false) != NULL;
}

bool cmdline_get(const char *cmdline, const char *key, char *buf, size_t len)
{
	const char *v = find_word(cmdline, key, strlen(key), true);
	size_t n = 0;

	if (!v)
		return false;
	v++;	/* skip '=' */
	while (v[n] && v[n] != ' ')
		n++;
	if (len) {
		if (n > len - 1)
			n = len - 1;
		memcpy(buf, v, n);
		buf[n] = '\0';
	}
	return true;
}
