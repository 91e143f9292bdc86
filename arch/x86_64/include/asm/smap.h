/*
 * SMAP (supervisor-mode access prevention): with CR4.SMAP the kernel faults
 * on any access to a user page unless RFLAGS.AC is set. stac sets AC and
 * clac clears it; the kernel sets it only inside the user-copy routines
 * (lib/copy_user.S) and clears it on every entry, since an interrupt gate
 * keeps whatever AC the interrupted code had. Both instructions are #UD
 * on CPUs without SMAP, hence the run-time test.
 */
#ifndef ASM_SMAP_H
#define ASM_SMAP_H

#ifdef __ASSEMBLY__

/* Clobber the flags only. */
.macro ASM_STAC
	cmpb $0, smap_enabled(%rip)
	je 911f
	stac
911:
.endm

.macro ASM_CLAC
	cmpb $0, smap_enabled(%rip)
	je 912f
	clac
912:
.endm

#else

#include <kernel/types.h>

/* Set once at boot (cpufeature.c) when CPUID reports SMAP and it is on. */
extern bool smap_enabled;

static inline void clac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("clac" ::: "memory");
}

#endif

#endif
