/*
 * Arm semihosting: the debugger (here QEMU with -semihosting) services
 * "hlt #0xf000" with the operation in w0 and a parameter block address in
 * x1. Only SYS_EXIT is used, so tests can report an exit status.
 */
#include <kernel/compiler.h>
#include <asm/setup.h>

#define SEMIHOSTING_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026	/* reason: the program exited */

/*
 * In AArch64, SYS_EXIT takes a block {reason, subcode}; for
 * ApplicationExit QEMU exits with subcode as its status.
 */
void semihost_exit(int code)
{
	u64 block[2] = { ADP_STOPPED_APPLICATION_EXIT, (u64)(s64)code };
	register u64 x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT;
	register u64 x1 __asm__("x1") = (u64)block;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ __volatile__("wfi");
}
