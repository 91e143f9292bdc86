/*
 * vsnprintf/snprintf: the kernel's only formatter (printk uses it).
 * Supports %d %i %u %x %X %o %p %s %c %% with the l, ll, z length modifiers,
 * a field width (number or *), the flags '-', '0' and '#', and precision for
 * %s. Returns the length the full output would have (like C99); the buffer is
 * always NUL-terminated when size > 0.
 */
#include <kernel/printk.h>
#include <kernel/string.h>

struct outbuf {
	char *buf;
	size_t size;
	size_t len;	/* characters produced so far, even if not stored */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/*
 * Format one number right-aligned in width (left alignment is done by the
 * caller, which then passes width 0), padded with zeroes or spaces.
 */
static void put_number(struct outbuf *o, unsigned long long v, unsigned base,
		       bool upper, bool negative, const char *prefix, int width,
		       bool zero)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, extra = (negative ? 1 : 0) + (int)strlen(prefix);

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (!zero)
		pad(o, ' ', width - n - extra);
	if (negative)
		put(o, '-');
	while (*prefix)
		put(o, *prefix++);
	if (zero)
		pad(o, '0', width - n - extra);
	while (n)
		put(o, tmp[--n]);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		bool left = false, zero = false, alt = false;
		int width = 0, prec = -1, lng = 0;
		size_t start;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++;; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '0')
				zero = true;
			else if (*fmt == '#')
				alt = true;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				left = true;
				width = -width;
			}
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			prec = 0;
			for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z')
				lng = 1;
			else
				break;
		}
		start = o.len;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = lng >= 2 ? va_arg(ap, long long)
				    : lng == 1 ? va_arg(ap, long) : va_arg(ap, int);
			unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
						     : (unsigned long long)v;
			put_number(&o, u, 10, false, v < 0, "", left ? 0 : width, zero);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			unsigned long long v = lng >= 2 ? va_arg(ap, unsigned long long)
					     : lng == 1 ? va_arg(ap, unsigned long)
							: va_arg(ap, unsigned int);
			unsigned base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
			const char *prefix = "";

			if (alt && v && base == 16)
				prefix = *fmt == 'X' ? "0X" : "0x";
			else if (alt && v && base == 8)
				prefix = "0";
			put_number(&o, v, base, *fmt == 'X', false, prefix,
				   left ? 0 : width, zero);
			break;
		}
		case 'p':
			put_number(&o, (unsigned long)va_arg(ap, void *), 16, false, false,
				   "0x", left ? 0 : width, zero);
			break;
		case 'c':
			if (!left)
				pad(&o, ' ', width - 1);
			put(&o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			size_t n;

			if (!s)
				s = "(null)";
			n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
			if (!left)
				pad(&o, ' ', width - (int)n);
			while (n--)
				put(&o, *s++);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
		if (left)
			pad(&o, ' ', width - (int)(o.len - start));
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
