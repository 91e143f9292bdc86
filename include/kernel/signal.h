/*
 * Signals: Linux numbers and wait-status encoding. Delivery so far is the
 * default action only (terminate, or ignore for SIGCHLD/SIGURG/SIGWINCH),
 * plus SIG_IGN set through rt_sigaction.
 */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <kernel/types.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGURG 23
#define SIGWINCH 28
#define NSIG 64

#define SIG_DFL 0UL
#define SIG_IGN 1UL

/* wait4() status words, as Linux encodes them. */
#define W_EXITCODE(code, sig) (((code) & 0xff) << 8 | (sig))

struct task_struct;
struct pt_regs;

struct signal_state {
	u64 pending;			/* bit (sig - 1) */
	u64 blocked;
	unsigned long action[NSIG];	/* SIG_DFL or SIG_IGN */
};

/* Queue sig for t (SIGKILL also wakes it from an interruptible sleep). */
int send_signal(struct task_struct *t, int sig);

/*
 * A user-mode fault the kernel cannot resolve: print the one-line report
 * "pid P (name): SIGSEGV at 0xADDR, pc 0xPC (reason)" and kill the
 * task's thread group with sig when it returns to user mode.
 */
void force_sig_fault(int sig, unsigned long addr, struct pt_regs *regs, const char *reason);

/* Act on pending signals before returning to user mode (may not return). */
void do_signal(struct pt_regs *regs);

#endif
