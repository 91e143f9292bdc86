/*
 * The 8254 programmable interval timer, used only as a known-frequency
 * reference: channel 2 (the speaker channel, whose gate and output are
 * visible in port 0x61) counts down once while the caller measures other
 * clocks.
 */
#include <kernel/printk.h>
#include <asm/io.h>
#include <asm/timer.h>

#define PIT_CH2_DATA 0x42
#define PIT_MODE 0x43
#define PORT_B 0x61		/* system control port B */

/* PIT_MODE: channel 2, access lobyte then hibyte, mode 0, binary. */
#define PIT_SEL_CH2 (2 << 6)
#define PIT_ACCESS_LOHI (3 << 4)
#define PIT_MODE0_TERMINAL_COUNT (0 << 1)

#define PORT_B_GATE2 0x01	/* channel 2 gate: counting enabled */
#define PORT_B_SPEAKER 0x02	/* speaker data: keep off */
#define PORT_B_OUT2 0x20	/* channel 2 output (read only) */

void pit_countdown_start(unsigned int ms)
{
	u32 count = PIT_TICK_RATE / 1000 * ms;

	BUG_ON(count == 0 || count > 0xffff);
	outb(PORT_B, (inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2);
	outb(PIT_MODE, PIT_SEL_CH2 | PIT_ACCESS_LOHI | PIT_MODE0_TERMINAL_COUNT);
	outb(PIT_CH2_DATA, count & 0xff);
	outb(PIT_CH2_DATA, count >> 8);
}

/* In mode 0, OUT2 goes high when the count reaches zero. */
bool pit_countdown_done(void)
{
	return inb(PORT_B) & PORT_B_OUT2;
}
