/*
 * Thread life cycle of the uthread library (<uthread.h>): create (raw
 * clone onto an mmap-ed stack, the thread pointer set through
 * CLONE_SETTLS), self, exit and join (CLONE_CHILD_CLEARTID + futex).
 * Builds with newlib for this kernel and with glibc on a Linux host.
 */
#include <stdint.h>
#include <uthread.h>
#include "syscall.h"

/* clone(2) flags (Linux values) of a thread in this process's group. */
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_THREAD		0x00010000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define THREAD_CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
	CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | \
	CLONE_CHILD_CLEARTID)

#define PROT_READ_WRITE		0x3	/* PROT_READ | PROT_WRITE */
#define MAP_PRIVATE_ANON	0x22	/* MAP_PRIVATE | MAP_ANONYMOUS */
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003

struct uthread {
	struct uthread *self;	/* first: x86-64 reads the thread pointer as %fs:0 */
	int tid;		/* CLONE_PARENT_SETTID sets it, the kernel clears it at exit */
	void *(*fn)(void *);
	void *arg;
	void *result;
	void *map;		/* the stack mapping (this struct is at its top) */
	size_t map_len;
};

static struct uthread main_thread;
static void *main_tp;		/* the main thread's thread pointer */

static int is_error(long ret)
{
	return (unsigned long)ret > -4096UL;
}

void *uthread_thread_pointer(void)
{
	void *tp;

#if defined(__x86_64__)
	__asm__ volatile("mov %%fs:0, %0" : "=r"(tp));
#else
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
#endif
	return tp;
}

/*
 * Give the main thread a descriptor. When the C library owns the thread
 * pointer (glibc), keep its value to recognise the main thread; when nobody
 * does (newlib: it is 0), point it at the main descriptor.
 */
__attribute__((constructor)) static void uthread_init(void)
{
	main_thread.self = &main_thread;
	main_thread.tid = (int)uthread_syscall(__NR_gettid, 0, 0, 0, 0, 0, 0);
#if defined(__x86_64__)
	unsigned long fs = 0;

	uthread_syscall(__NR_arch_prctl, ARCH_GET_FS, (long)&fs, 0, 0, 0, 0);
	if (!fs)
		uthread_syscall(__NR_arch_prctl, ARCH_SET_FS, (long)&main_thread, 0, 0, 0, 0);
#else
	unsigned long tp;

	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
	if (!tp)
		__asm__ volatile("msr tpidr_el0, %0" : : "r"(&main_thread));
#endif
	main_tp = uthread_thread_pointer();
}

uthread_t uthread_self(void)
{
	void *tp = uthread_thread_pointer();

	return tp == main_tp ? &main_thread : tp;
}

pid_t uthread_tid(uthread_t t)
{
	return __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);
}

/* Publish the result, then end this thread only (exit, not exit_group). */
void uthread_exit(void *ret)
{
	uthread_self()->result = ret;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (;;)
		uthread_syscall(__NR_exit, 0, 0, 0, 0, 0, 0);
}

/* First C code of a new thread, on its own stack. */
static void __attribute__((noreturn)) uthread_start(struct uthread *t)
{
	uthread_exit(t->fn(t->arg));
}

/*
 * Raw clone whose child starts on stack sp, where sp[0] is its argument
 * and sp[1] the function it calls (which must not return). Returns the
 * child's tid or -errno in the parent.
 */
static long clone_thread(unsigned long flags, void **sp, int *ptid, int *ctid, void *tls)
{
#if defined(__x86_64__)
	/* clone(flags, newsp, parent_tid, child_tid, tls) */
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = (long)tls;
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "xor %%ebp, %%ebp\n\t"		/* child: end of frame chain */
			 "mov (%%rsp), %%rdi\n\t"
			 "mov 8(%%rsp), %%rax\n\t"
			 "call *%%rax\n\t"
			 "ud2\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(__NR_clone), "D"(flags), "S"(sp), "d"(ptid), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
#else
	/* clone(flags, newsp, parent_tid, tls, child_tid) */
	register long x8 __asm__("x8") = __NR_clone;
	register long x0 __asm__("x0") = (long)flags;
	register long x1 __asm__("x1") = (long)sp;
	register long x2 __asm__("x2") = (long)ptid;
	register long x3 __asm__("x3") = (long)tls;
	register long x4 __asm__("x4") = (long)ctid;

	__asm__ volatile("svc #0\n\t"
			 "cbnz x0, 1f\n\t"
			 "mov x29, xzr\n\t"		/* child: end of frame chain */
			 "mov x30, xzr\n\t"
			 "ldp x0, x1, [sp]\n\t"
			 "blr x1\n\t"
			 "brk #0\n"
			 "1:"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
			 : "memory");
	return x0;
#endif
}

int uthread_create(uthread_t *thread, void *(*fn)(void *), void *arg)
{
	size_t len = UTHREAD_STACK_SIZE;
	long map = uthread_syscall(__NR_mmap, 0, (long)len, PROT_READ_WRITE, MAP_PRIVATE_ANON,
				   -1, 0);
	struct uthread *t;
	void **sp;
	long tid;

	if (is_error(map))
		return (int)-map;
	/* The descriptor at the top, 64-byte aligned; the stack below it. */
	t = (struct uthread *)((map + len - sizeof(*t)) & ~63UL);
	t->self = t;
	t->tid = 0;
	t->fn = fn;
	t->arg = arg;
	t->result = NULL;
	t->map = (void *)map;
	t->map_len = len;
	sp = (void **)(((uintptr_t)t - 16) & ~15UL);
	sp[0] = t;
	sp[1] = (void *)uthread_start;
	tid = clone_thread(THREAD_CLONE_FLAGS, sp, &t->tid, &t->tid, t);
	if (tid < 0) {
		uthread_syscall(__NR_munmap, map, (long)len, 0, 0, 0, 0);
		return (int)-tid;
	}
	*thread = t;
	return 0;
}

int uthread_join(uthread_t t, void **ret)
{
	int tid;

	if (t == uthread_self())
		return EDEADLK;
	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) != 0)
		uthread_futex_wait(&t->tid, tid, NULL);
	if (ret)
		*ret = t->result;
	uthread_syscall(__NR_munmap, (long)t->map, (long)t->map_len, 0, 0, 0, 0);
	return 0;
}
