/*
 * Time sources other than the local APIC: the 8254 PIT (pit.c), used only
 * as a reference to calibrate against, and the TSC (tsc.c), which backs
 * arch_clock_ns().
 */
#ifndef ASM_TIMER_H
#define ASM_TIMER_H

#include <kernel/types.h>

#define PIT_TICK_RATE 1193182	/* Hz: input clock of the 8254 */

/*
 * Start a countdown of ms milliseconds (at most 54) on PIT channel 2;
 * pit_countdown_done() turns true when it has elapsed.
 */
void pit_countdown_start(unsigned int ms);
bool pit_countdown_done(void);

/* Take the current TSC as time 0 of arch_clock_ns(); first thing at entry. */
void tsc_mark_boot(void);
/* Record the TSC frequency; arch_clock_ns() reads 0 until this is known. */
void tsc_init(u64 tsc_hz);

#endif
