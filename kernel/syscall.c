/*
 * The system-call table and dispatcher. Each architecture's <asm/unistd.h>
 * gives Linux's numbers; calls that an architecture lacks (x86-64's open,
 * fork, pipe, dup2, arch_prctl) have no number on the other one.
 *
 * The table holds every implementation as a six-argument function: the
 * arguments arrive in registers, so a function declared with fewer (or
 * narrower) parameters simply ignores the rest, as in Linux.
 */
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

#define NR_SYSCALLS 512
#define SYSCALL(nr, fn) [nr] = (syscall_fn_t)(void (*)(void))fn,

static const syscall_fn_t syscall_table[NR_SYSCALLS] = {
	SYSCALL(__NR_read, sys_read)
	SYSCALL(__NR_write, sys_write)
	SYSCALL(__NR_pread64, sys_pread64)
	SYSCALL(__NR_pwrite64, sys_pwrite64)
	SYSCALL(__NR_openat, sys_openat)
	SYSCALL(__NR_close, sys_close)
	SYSCALL(__NR_lseek, sys_lseek)
	SYSCALL(__NR_fstat, sys_fstat)
	SYSCALL(__NR_newfstatat, sys_newfstatat)
	SYSCALL(__NR_getdents64, sys_getdents64)
	SYSCALL(__NR_dup, sys_dup)
	SYSCALL(__NR_dup3, sys_dup3)
	SYSCALL(__NR_pipe2, sys_pipe2)
	SYSCALL(__NR_vmsplice, sys_vmsplice)
	SYSCALL(__NR_ioctl, sys_ioctl)
	SYSCALL(__NR_mkdirat, sys_mkdirat)
	SYSCALL(__NR_unlinkat, sys_unlinkat)
	SYSCALL(__NR_getcwd, sys_getcwd)
	SYSCALL(__NR_chdir, sys_chdir)
	SYSCALL(__NR_mmap, sys_mmap)
	SYSCALL(__NR_munmap, sys_munmap)
	SYSCALL(__NR_brk, sys_brk)
	SYSCALL(__NR_mprotect, sys_mprotect)
	SYSCALL(__NR_mremap, sys_mremap)
	SYSCALL(__NR_madvise, sys_madvise)
	SYSCALL(__NR_exit, sys_exit)
	SYSCALL(__NR_exit_group, sys_exit_group)
	SYSCALL(__NR_wait4, sys_wait4)
	SYSCALL(__NR_kill, sys_kill)
	SYSCALL(__NR_getpid, sys_getpid)
	SYSCALL(__NR_getppid, sys_getppid)
	SYSCALL(__NR_gettid, sys_gettid)
	SYSCALL(__NR_sched_yield, sys_sched_yield)
	SYSCALL(__NR_nanosleep, sys_nanosleep)
	SYSCALL(__NR_clock_gettime, sys_clock_gettime)
	SYSCALL(__NR_uname, sys_uname)
	SYSCALL(__NR_rt_sigaction, sys_rt_sigaction)
	SYSCALL(__NR_rt_sigprocmask, sys_rt_sigprocmask)
	SYSCALL(__NR_execve, sys_execve)
#ifdef __aarch64__	/* Linux's generic order: (flags, sp, ptid, tls, ctid) */
	SYSCALL(__NR_clone, sys_clone_tls_first)
#else			/* x86-64: (flags, sp, ptid, ctid, tls) */
	SYSCALL(__NR_clone, sys_clone)
#endif
	SYSCALL(__NR_futex, sys_futex)
	SYSCALL(__NR_tkill, sys_tkill)
	SYSCALL(__NR_tgkill, sys_tgkill)
	SYSCALL(__NR_set_tid_address, sys_set_tid_address)
	SYSCALL(__NR_reboot, sys_reboot)
	SYSCALL(__NR_getrlimit, sys_getrlimit)
	SYSCALL(__NR_setrlimit, sys_setrlimit)
	SYSCALL(__NR_prlimit64, sys_prlimit64)
#ifdef __NR_open
	SYSCALL(__NR_open, sys_open)
#endif
#ifdef __NR_fork
	SYSCALL(__NR_fork, sys_fork)
#endif
#ifdef __NR_pipe
	SYSCALL(__NR_pipe, sys_pipe)
#endif
#ifdef __NR_dup2
	SYSCALL(__NR_dup2, sys_dup2)
#endif
#ifdef __NR_arch_prctl
	SYSCALL(__NR_arch_prctl, sys_arch_prctl)
#endif
};

void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = syscall_get_nr(regs);
	long ret = -ENOSYS;

	if (nr < NR_SYSCALLS && syscall_table[nr])
		ret = syscall_table[nr](syscall_get_arg(regs, 0), syscall_get_arg(regs, 1),
					syscall_get_arg(regs, 2), syscall_get_arg(regs, 3),
					syscall_get_arg(regs, 4), syscall_get_arg(regs, 5));
	syscall_set_return(regs, ret);
	exit_to_user_mode(regs);
}
