/* <sys/syscall.h>: SYS_* names for syscall(2), as glibc provides them. */
#ifndef _USER_SYS_SYSCALL_H
#define _USER_SYS_SYSCALL_H

#include <asm/unistd.h>

#define SYS_read		__NR_read
#define SYS_write		__NR_write
#define SYS_close		__NR_close
#define SYS_openat		__NR_openat
#define SYS_lseek		__NR_lseek
#define SYS_fstat		__NR_fstat
#define SYS_mmap		__NR_mmap
#define SYS_munmap		__NR_munmap
#define SYS_mprotect		__NR_mprotect
#define SYS_madvise		__NR_madvise
#define SYS_mremap		__NR_mremap
#define SYS_brk			__NR_brk
#define SYS_getpid		__NR_getpid
#define SYS_getppid		__NR_getppid
#define SYS_gettid		__NR_gettid
#define SYS_kill		__NR_kill
#define SYS_exit		__NR_exit
#define SYS_exit_group		__NR_exit_group
#define SYS_wait4		__NR_wait4
#define SYS_clone		__NR_clone
#define SYS_execve		__NR_execve
#define SYS_pipe2		__NR_pipe2
#define SYS_dup		__NR_dup
#define SYS_dup3		__NR_dup3
#define SYS_ioctl		__NR_ioctl
#define SYS_getdents64		__NR_getdents64
#define SYS_clock_gettime	__NR_clock_gettime
#define SYS_nanosleep		__NR_nanosleep
#define SYS_sched_yield		__NR_sched_yield
#define SYS_uname		__NR_uname
#define SYS_vmsplice		__NR_vmsplice
#define SYS_futex		__NR_futex
#define SYS_set_tid_address	__NR_set_tid_address
#define SYS_rt_sigaction	__NR_rt_sigaction
#define SYS_rt_sigprocmask	__NR_rt_sigprocmask
#define SYS_reboot		__NR_reboot
#define SYS_pread64		__NR_pread64
#define SYS_pwrite64		__NR_pwrite64
#define SYS_getrlimit		__NR_getrlimit
#define SYS_setrlimit		__NR_setrlimit
#define SYS_prlimit64		__NR_prlimit64

long syscall(long nr, ...);

#endif
