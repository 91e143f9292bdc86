/*
 * The syscall/sysret machinery (Intel SDM vol. 3, 5.8.8): which code and
 * segments syscall enters with, and when the faster sysret may be used to
 * return instead of iretq.
 */
#include <mm/arch.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

/*
 * STAR: syscall loads CS = STAR[47:32] and SS = that + 8; 64-bit sysret
 * loads CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8, both with RPL 3
 * (see asm/segment.h for the GDT order this relies on).
 */
#define STAR_SYSCALL_CS_SHIFT 32
#define STAR_SYSRET_BASE_SHIFT 48
#define SYSRET_BASE_SEL (GDT_ENTRY_SYSRET_BASE * 8 + SEGMENT_RPL_USER)

/* RFLAGS bits syscall clears: no interrupts, DF=0 for C, no single-step,
 * AC=0 so that SMAP protects from the first instruction. */
#define SYSCALL_RFLAGS_MASK (X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF | \
			     X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC)

/* sysret faults in kernel mode on a non-canonical rip; stay below the last
 * user page, as Linux does, to be safe from that. */
#define SYSRET_MAX_RIP (USER_VA_END - PAGE_SIZE)

BUILD_BUG_ON(GDT_ENTRY_USER_DS != GDT_ENTRY_SYSRET_BASE + 1);
BUILD_BUG_ON(GDT_ENTRY_USER_CS != GDT_ENTRY_SYSRET_BASE + 2);
BUILD_BUG_ON(GDT_ENTRY_KERNEL_DS != GDT_ENTRY_KERNEL_CS + 1);

void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)SYSRET_BASE_SEL << STAR_SYSRET_BASE_SHIFT) |
			((u64)__KERNEL_CS << STAR_SYSCALL_CS_SHIFT));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_RFLAGS_MASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * sysret restores rip from rcx and rflags from r11, and always returns to
 * the flat user segments: usable only if the frame says exactly that (exec
 * or a signal may have changed rip or rflags), rip is safely canonical and
 * no trap flag would fire on the way out.
 */
bool syscall_can_sysret(const struct pt_regs *regs)
{
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->rip < SYSRET_MAX_RIP && regs->cs == __USER_CS && regs->ss == __USER_DS &&
	       !(regs->rflags & (X86_EFLAGS_TF | X86_EFLAGS_RF));
}
