/*
 * arm64 barriers. dsb waits for earlier memory accesses (and TLB/cache
 * maintenance) to complete; dmb only orders them; isb flushes the pipeline
 * so that later instructions see system-register and page-table changes.
 * The option names the shareability domain: ish (all CPUs), nsh (this
 * CPU), osh (outer, devices), sy (everything); "st"/"ld" restrict to stores
 * or loads.
 */
#ifndef ASM_BARRIER_H
#define ASM_BARRIER_H

#define isb() __asm__ __volatile__("isb" ::: "memory")
#define dsb(opt) __asm__ __volatile__("dsb " #opt ::: "memory")
#define dmb(opt) __asm__ __volatile__("dmb " #opt ::: "memory")

#endif
