/*
 * arm64 system-call numbers: the asm-generic table Linux uses for arm64
 * (include/uapi/asm-generic/unistd.h). Only the calls the kernel
 * implements are named. arm64 has no open, fork, pipe or dup2: user space
 * reaches them through openat, clone, pipe2 and dup3.
 */
#ifndef ASM_UNISTD_H
#define ASM_UNISTD_H

#define __NR_getcwd 17
#define __NR_dup 23
#define __NR_dup3 24
#define __NR_ioctl 29
#define __NR_mkdirat 34
#define __NR_unlinkat 35
#define __NR_chdir 49
#define __NR_openat 56
#define __NR_close 57
#define __NR_pipe2 59
#define __NR_getdents64 61
#define __NR_lseek 62
#define __NR_read 63
#define __NR_write 64
#define __NR_pread64 67
#define __NR_pwrite64 68
#define __NR_vmsplice 75
#define __NR_newfstatat 79
#define __NR_fstat 80
#define __NR_exit 93
#define __NR_exit_group 94
#define __NR_set_tid_address 96
#define __NR_futex 98
#define __NR_nanosleep 101
#define __NR_clock_gettime 113
#define __NR_sched_yield 124
#define __NR_kill 129
#define __NR_tkill 130
#define __NR_tgkill 131
#define __NR_rt_sigaction 134
#define __NR_rt_sigprocmask 135
#define __NR_reboot 142
#define __NR_uname 160
#define __NR_getrlimit 163
#define __NR_setrlimit 164
#define __NR_getpid 172
#define __NR_getppid 173
#define __NR_gettid 178
#define __NR_brk 214
#define __NR_munmap 215
#define __NR_mremap 216
#define __NR_clone 220
#define __NR_execve 221
#define __NR_mmap 222
#define __NR_mprotect 226
#define __NR_madvise 233
#define __NR_wait4 260
#define __NR_prlimit64 261

#endif
