/*
 * C start-up: decode the initial stack (argc, argv, envp, auxv), set up
 * environ and the auxiliary-vector lookups, run constructors, call main and
 * exit with its result.
 */
#include <stdlib.h>
#include <unistd.h>
#include "libc-internal.h"

extern char **environ;
extern int main(int argc, char **argv, char **envp);

/* Constructor and destructor tables; the linker's default script provides the bounds. */
typedef void (*init_fn)(void);
extern init_fn __preinit_array_start[] __attribute__((weak));
extern init_fn __preinit_array_end[] __attribute__((weak));
extern init_fn __init_array_start[] __attribute__((weak));
extern init_fn __init_array_end[] __attribute__((weak));
extern init_fn __fini_array_start[] __attribute__((weak));
extern init_fn __fini_array_end[] __attribute__((weak));

unsigned long *__auxv;

/* Hooks of the old .init/.fini scheme; nothing uses them here. */
void _init(void) {}
void _fini(void) {}

static void run_fini_array(void)
{
	size_t i = (size_t)(__fini_array_end - __fini_array_start);

	while (i-- > 0)
		__fini_array_start[i]();
	_fini();
}

static void run_init_array(void)
{
	init_fn *f;

	for (f = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)();
	_init();
	for (f = __init_array_start; f < __init_array_end; f++)
		(*f)();
}

unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

/* Called from _start with the stack pointer the kernel handed over. */
void __attribute__((noreturn)) __libc_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	environ = envp;
	atexit(run_fini_array);
	run_init_array();
	exit(main(argc, argv, envp));
}
