/*
 * Signals through rt_sigaction/rt_sigprocmask (newlib's own signal() only
 * emulates them inside the process). Handlers that run user code need a
 * restorer calling rt_sigreturn; __restore_rt provides it.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "syscall.h"

/* The kernel's struct sigaction on x86-64 and arm64. */
struct kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

void __restore_rt(void);
#if defined(__x86_64__)
__asm__(".text\n.globl __restore_rt\n__restore_rt:\n"
	"\tmovq $15, %rax\n\tsyscall\n\thlt\n");
#else
__asm__(".text\n.globl __restore_rt\n__restore_rt:\n"
	"\tmov x8, #139\n\tsvc #0\n\tbrk #0\n");
#endif

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct kernel_sigaction kact, koact;

	if (act) {
		kact.handler = act->sa_handler;
		kact.flags = (unsigned long)(unsigned)act->sa_flags | SA_RESTORER;
		kact.restorer = __restore_rt;
		kact.mask = act->sa_mask;
	}
	if (SYSCALL4(__NR_rt_sigaction, sig, act ? &kact : NULL,
		     oact ? &koact : NULL, sizeof(sigset_t)) < 0)
		return -1;
	if (oact) {
		oact->sa_handler = koact.handler;
		oact->sa_flags = (int)(koact.flags & ~(unsigned long)SA_RESTORER);
		oact->sa_mask = koact.mask;
	}
	return 0;
}

_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return (int)SYSCALL4(__NR_rt_sigprocmask, how, set, oset, sizeof(sigset_t));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

/* SIGABRT, and if that is caught or ignored, SIGABRT again at its default. */
void abort(void)
{
	sigset_t set = 0;

	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	for (;;)
		_exit(127);
}
