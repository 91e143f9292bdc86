/*
 * Self-tests of the x86-64 task hooks that work in kernel-thread context:
 * the FS base through arch_prctl, and the frame a new task starts with.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <asm/msr.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

KTEST(x86_arch_prctl_sets_fs_base_and_checks_arguments)
{
	unsigned long old = current->thread.fsbase;
	long ret;

	ret = sys_arch_prctl(ARCH_SET_FS, 0x12345000);
	KTEST_ASSERT(ret == 0, "ARCH_SET_FS returned %ld", ret);
	KTEST_ASSERT(rdmsr(MSR_FS_BASE) == 0x12345000, "MSR_FS_BASE not loaded");
	KTEST_ASSERT(current->thread.fsbase == 0x12345000, "thread.fsbase not saved");
	ret = sys_arch_prctl(ARCH_SET_FS, USER_VA_END);
	KTEST_ASSERT(ret == -EPERM, "a non-user FS base gave %ld, not -EPERM", ret);
	ret = sys_arch_prctl(ARCH_GET_FS, (unsigned long)&old);
	KTEST_ASSERT(ret == -EFAULT, "ARCH_GET_FS to a kernel address gave %ld", ret);
	ret = sys_arch_prctl(0x1001 /* ARCH_SET_GS */, 0);
	KTEST_ASSERT(ret == -EINVAL, "ARCH_SET_GS gave %ld", ret);
	sys_arch_prctl(ARCH_SET_FS, old);
}

KTEST(x86_start_user_builds_a_user_frame)
{
	struct pt_regs regs;
	unsigned long old = current->thread.fsbase;

	memset(&regs, 0xff, sizeof(regs));
	arch_start_user(&regs, 0x401000, 0x7ffffffff000);
	KTEST_ASSERT(regs.rip == 0x401000 && regs.rsp == 0x7ffffffff000, "pc/sp not set");
	KTEST_ASSERT(user_mode(&regs) && regs.ss == __USER_DS, "not a user-mode frame");
	KTEST_ASSERT(regs.rflags & X86_EFLAGS_IF, "user mode must run with interrupts on");
	KTEST_ASSERT(!regs.rax && !regs.rdi && !regs.r15, "registers not cleared");
	KTEST_ASSERT(current->thread.fsbase == 0, "TLS not cleared");
	current->thread.fsbase = old;
	wrmsr(MSR_FS_BASE, old);
}
