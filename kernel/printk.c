/*
 * printk: format into a small buffer and write it to the console under a
 * lock, so that lines from different CPUs do not interleave.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

static DEFINE_SPINLOCK(console_lock);

static void console_write(const char *s, size_t n)
{
	while (n--)
		arch_console_putc(*s++);
}

int printk(const char *fmt, ...)
{
	char buf[512];
	unsigned long flags;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	spin_lock_irqsave(&console_lock, flags);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	spin_unlock_irqrestore(&console_lock, flags);
	return n;
}
