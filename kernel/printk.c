/*
 * printk: format into a small buffer and write it to the console under a
 * lock, so that lines from different CPUs do not interleave.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

static DEFINE_SPINLOCK(console_lock);

/* Write n bytes to the console as one unit (not interleaved with printk). */
void console_write(const char *s, size_t n)
{
	unsigned long flags;

	spin_lock_irqsave(&console_lock, flags);
	while (n--)
		arch_console_putc(*s++);
	spin_unlock_irqrestore(&console_lock, flags);
}

int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
}
