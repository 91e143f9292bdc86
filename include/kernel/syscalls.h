/*
 * System-call implementations, with Linux's prototypes. kernel/syscall.c
 * maps each arch's Linux numbers (<asm/unistd.h>) to these. Arguments come
 * straight from user registers: every implementation validates them.
 *
 * Owners: kernel/ (processes, time, signals), kernel/fs/ (files),
 * mm/ (memory), arch/ (arch_prctl).
 */
#ifndef KERNEL_SYSCALLS_H
#define KERNEL_SYSCALLS_H

#include <kernel/types.h>
#include <kernel/uaccess.h>

typedef long long loff_t;

struct stat;
struct timespec;
struct utsname;
struct linux_dirent64;
struct rlimit;

/* processes (kernel/exit.c, fork.c, exec.c, sched.c, signal.c, sys.c) */
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);
long sys_kill(int pid, int sig);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_sched_yield(void);
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem);
long sys_clock_gettime(int clock, struct timespec __user *tp);
long sys_uname(struct utsname __user *buf);
long sys_rt_sigaction(int sig, const void __user *act, void __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const void __user *set, void __user *oset, size_t sigsetsize);
long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls);
long sys_fork(void);
/* arm64's clone: Linux's generic argument order, tls before child_tid. */
long sys_clone_tls_first(unsigned long flags, unsigned long newsp, int __user *parent_tid,
			 unsigned long tls, int __user *child_tid);
long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_set_tid_address(int __user *tidptr);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_rlim,
		   struct rlimit __user *old_rlim);

/* files (kernel/fs/) */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
long sys_open(const char __user *path, int flags, unsigned int mode);
long sys_openat(int dfd, const char __user *path, int flags, unsigned int mode);
long sys_close(unsigned int fd);
long sys_lseek(unsigned int fd, loff_t offset, unsigned int whence);
long sys_fstat(unsigned int fd, struct stat __user *st);
long sys_newfstatat(int dfd, const char __user *path, struct stat __user *st, int flag);
long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_mkdirat(int dfd, const char __user *path, unsigned int mode);
long sys_unlinkat(int dfd, const char __user *path, int flag);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_chdir(const char __user *path);
struct iovec;
long sys_vmsplice(int fd, const struct iovec __user *iov, unsigned long nr_segs,
		  unsigned int flags);

/* memory (mm/mmap.c) */
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_brk(unsigned long brk);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_madvise(unsigned long start, size_t len, int behavior);

/* x86-64 only (arch/x86_64) */
long sys_arch_prctl(int code, unsigned long addr);

#endif
