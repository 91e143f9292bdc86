/*
 * seq_buf: a growable text buffer for /proc and /sys file contents.
 */
#include <kernel/printk.h>
#include <kernel/seq_buf.h>
#include <kernel/string.h>
#include <mm/slab.h>

void seq_buf_init(struct seq_buf *s)
{
	s->buf = NULL;
	s->len = s->size = 0;
	s->overflow = false;
}

/* Make room for n more bytes plus a NUL; false if memory ran out. */
static bool seq_reserve(struct seq_buf *s, size_t n)
{
	size_t size = s->size ? s->size : 256;
	char *nb;

	if (s->len + n + 1 <= s->size)
		return true;
	while (size < s->len + n + 1)
		size *= 2;
	nb = kmalloc(size, GFP_KERNEL);
	if (!nb) {
		s->overflow = true;
		return false;
	}
	if (s->buf)
		memcpy(nb, s->buf, s->len);
	kfree(s->buf);
	s->buf = nb;
	s->size = size;
	return true;
}

void seq_write(struct seq_buf *s, const void *data, size_t n)
{
	if (!seq_reserve(s, n))
		return;
	memcpy(s->buf + s->len, data, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !seq_reserve(s, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	s->len += (size_t)n;
}

void seq_buf_free(struct seq_buf *s)
{
	kfree(s->buf);
	seq_buf_init(s);
}
