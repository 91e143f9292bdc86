/*
 * seq_buf: text built up in a kmalloc'd buffer that grows as needed
 * (kernel/seq_buf.c). /proc and /sys files render their whole content
 * into one when opened, then read() copies from it.
 */
#ifndef KERNEL_SEQ_BUF_H
#define KERNEL_SEQ_BUF_H

#include <kernel/compiler.h>

struct seq_buf {
	char *buf;
	size_t len;
	size_t size;
	bool overflow;		/* an allocation failed; content is truncated */
};

void seq_buf_init(struct seq_buf *s);
void seq_printf(struct seq_buf *s, const char *fmt, ...) __printf(2, 3);
void seq_write(struct seq_buf *s, const void *data, size_t n);
void seq_buf_free(struct seq_buf *s);

#endif
