/*
 * Per-task arch state (struct thread_struct, the first member of struct
 * task_struct) and the kernel stack size.
 *
 * arch_switch_to() (kernel/switch.S) saves the switched-out kernel context
 * here: the callee-saved registers x19-x28, the frame pointer x29, the
 * stack pointer and the return address (the pc it resumes at), plus the
 * user's TLS register TPIDR_EL0 and the user's FP/SIMD registers. The
 * kernel is built -mgeneral-regs-only, so the live FP/SIMD registers
 * always belong to the current task's user context; they are switched
 * eagerly on every context switch.
 *
 *   +0    x19 ... x28          THREAD_CPU_CONTEXT (8 bytes each)
 *   +80   fp (x29)
 *   +88   sp
 *   +96   pc (lr at the switch, or ret_from_fork)
 *   +104  TPIDR_EL0            THREAD_TP_VALUE
 *   +112  q0 ... q31           THREAD_FPSIMD (16 bytes each, 16-aligned)
 *   +624  fpsr, +628 fpcr
 */
#ifndef ASM_THREAD_H
#define ASM_THREAD_H

#define THREAD_SIZE 16384		/* kernel stack: 4 pages */

#define THREAD_CPU_CONTEXT 0
#define THREAD_TP_VALUE 104
#define THREAD_FPSIMD 112
#define FPSIMD_FPSR 512			/* offsets inside struct user_fpsimd_state */
#define FPSIMD_FPCR 516

#ifndef __ASSEMBLY__
#include <kernel/types.h>

struct cpu_context {
	u64 x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
	u64 fp;
	u64 sp;
	u64 pc;
};

/* The user-visible FP/SIMD state: V0-V31 as 64 halves, FPSR and FPCR. */
struct user_fpsimd_state {
	u64 vregs[64];
	u32 fpsr;
	u32 fpcr;
	u64 __reserved;
} __attribute__((aligned(16)));

struct thread_struct {
	struct cpu_context cpu_context;
	u64 tp_value;			/* TPIDR_EL0 */
	struct user_fpsimd_state fpsimd;
};

/*
 * fpsimd.S: store this CPU's live FP/SIMD registers into *st / load them
 * from *st. Interrupts need not be off: no kernel code touches them.
 */
void fpsimd_save_state(struct user_fpsimd_state *st);
void fpsimd_load_state(const struct user_fpsimd_state *st);
#endif

#endif
