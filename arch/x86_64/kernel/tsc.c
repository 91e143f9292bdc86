/*
 * arch_clock_ns() from the time-stamp counter, whose frequency the APIC
 * timer calibration measures against the PIT:
 *
 *   ns = (tsc - tsc_base) * tsc_mult >> 32,  tsc_mult = 10^9 * 2^32 / tsc_hz
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <asm/special_insns.h>
#include <asm/timer.h>

#define NSEC_PER_SEC 1000000000ULL

static u64 tsc_base;	/* TSC at kernel entry: time 0 */
static u64 tsc_mult;	/* 0 until tsc_init(): the clock reads 0 */

void tsc_mark_boot(void)
{
	tsc_base = rdtsc();
}

void tsc_init(u64 tsc_hz)
{
	BUG_ON(tsc_hz == 0);
	WRITE_ONCE(tsc_mult, (NSEC_PER_SEC << 32) / tsc_hz);
}

u64 arch_clock_ns(void)
{
	u64 mult = READ_ONCE(tsc_mult);

	if (!mult)
		return 0;
	return (u64)(((unsigned __int128)(rdtsc() - tsc_base) * mult) >> 32);
}
