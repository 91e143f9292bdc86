/*
 * Host test runner: runs every TEST() of the program in registration order
 * and prints TAP. Also provides what kernel code expects from the arch
 * (interrupt flags) and panic() for host builds.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

static struct host_test *tests, **tests_tail = &tests;
static int current_failed;
jmp_buf *host_panic_jmp;
char host_panic_msg[256];

void host_test_register(struct host_test *t)
{
	*tests_tail = t;
	tests_tail = &t->next;
}

void host_check_failed(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("#   %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	current_failed = 1;
}

void host_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(host_panic_msg, sizeof(host_panic_msg), fmt, ap);
	va_end(ap);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "panic: %s", host_panic_msg);
	abort();
}

unsigned long arch_irq_save(void)
{
	return 0;
}

void arch_irq_restore(unsigned long flags)
{
	(void)flags;
}

int main(void)
{
	int n = 0, failed = 0;
	struct host_test *t;

	for (t = tests; t; t = t->next)
		n++;
	printf("1..%d\n", n);
	n = 0;
	for (t = tests; t; t = t->next) {
		current_failed = 0;
		t->fn();
		printf("%s %d - %s\n", current_failed ? "not ok" : "ok", ++n, t->name);
		failed += current_failed;
	}
	return failed ? 1 : 0;
}

/*
 * mm/page_alloc.c drops an anonymous folio's anon_vma when it frees it
 * (mm/rmap.c); tests that build page_alloc.c without rmap.c make no
 * anonymous folios, and tests that link rmap.c get the real one.
 */
struct anon_vma;
__attribute__((weak)) void anon_vma_put(struct anon_vma *anon_vma)
{
	(void)anon_vma;
}
