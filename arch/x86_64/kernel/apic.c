/*
 * The local APIC of every CPU: software enable, end-of-interrupt, the
 * interrupt command register (IPIs, INIT and STARTUP to wake the other
 * CPUs), and its timer, which drives each CPU's tick. The timer's input
 * clock is unknown, so it is counted against the PIT once at boot on the
 * boot CPU (and the TSC with it); the other CPUs reuse the count.
 * All local APICs sit at the same physical address, each CPU seeing its
 * own, so one ioremap() serves them all.
 */
#include <kernel/arch.h>
#include <kernel/cpu.h>
#include <kernel/printk.h>
#include <mm/pgtable.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/msr.h>
#include <asm/special_insns.h>
#include <asm/timer.h>

/* IA32_APIC_BASE MSR */
#define APIC_BASE_ENABLE BIT(11)		/* xAPIC globally enabled */
#define APIC_BASE_ADDR_MASK GENMASK_ULL(51, 12)

/* Register offsets (Intel SDM vol. 3, table 11-1). */
#define APIC_ID 0x020
#define APIC_TPR 0x080		/* task priority: 0 accepts every vector */
#define APIC_EOI 0x0b0
#define APIC_SVR 0x0f0		/* spurious-interrupt vector */
#define APIC_ICR_LOW 0x300	/* interrupt command; writing it sends */
#define APIC_ICR_HIGH 0x310	/* bits 31:24: destination APIC id */
#define APIC_LVT_TIMER 0x320
#define APIC_TIMER_INIT_COUNT 0x380
#define APIC_TIMER_CUR_COUNT 0x390
#define APIC_TIMER_DIVIDE 0x3e0

#define APIC_ID_SHIFT 24
#define APIC_SVR_ENABLE BIT(8)		/* APIC software enable */
#define APIC_LVT_MASKED BIT(16)
#define APIC_LVT_TIMER_PERIODIC BIT(17)	/* mode bits 18:17 = 01 */
#define APIC_TIMER_DIV_16 0x3		/* divide configuration 0b0011 */
#define APIC_ICR_DEST_SHIFT 24
#define APIC_ICR_BUSY BIT(12)		/* delivery status: send pending */

#define ICR_POLL_LIMIT 1000000		/* reads of the delivery status before giving up */

#define CALIBRATE_MS 10

static u8 *lapic;
static u32 apic_timer_count;	/* initial count for HZ at divide-by-16 */
static unsigned long timer_interrupts[NR_CPUS];	/* per CPU, for the self-tests */

static u32 lapic_read(unsigned int reg)
{
	return readl(lapic + reg);
}

static void lapic_write(unsigned int reg, u32 v)
{
	writel(v, lapic + reg);
}

/* Accept every vector (TPR 0). */
void lapic_enable(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);

	if (!(base & APIC_BASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | APIC_BASE_ENABLE);
	lapic_write(APIC_TPR, 0);
	lapic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
}

void lapic_init(void)
{
	phys_addr_t pa = rdmsr(MSR_IA32_APICBASE) & APIC_BASE_ADDR_MASK;

	lapic = ioremap(pa, PAGE_SIZE);
	if (!lapic)
		panic("apic: cannot map the local APIC at %#lx", pa);
	lapic_enable();
}

/* Wait until the previous command has been accepted; false on a timeout. */
static bool icr_wait_idle(void)
{
	unsigned int i;

	for (i = 0; i < ICR_POLL_LIMIT; i++) {
		if (!(lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY))
			return true;
		arch_cpu_relax();
	}
	return false;
}

bool apic_icr_write(u32 low, u32 apic_id)
{
	unsigned long flags = arch_irq_save();	/* ICR high+low must not be split */
	bool ok = icr_wait_idle();

	lapic_write(APIC_ICR_HIGH, apic_id << APIC_ICR_DEST_SHIFT);
	lapic_write(APIC_ICR_LOW, low);
	ok = icr_wait_idle() && ok;
	arch_irq_restore(flags);
	return ok;
}

u32 lapic_id(void)
{
	return lapic_read(APIC_ID) >> APIC_ID_SHIFT;
}

void apic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

static void apic_timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	WRITE_ONCE(timer_interrupts[this_cpu()->id], timer_interrupts[this_cpu()->id] + 1);
	timer_tick();
}

unsigned long apic_timer_interrupts(int cpu)
{
	return READ_ONCE(timer_interrupts[cpu]);
}

/*
 * Count APIC timer ticks (and TSC cycles) over CALIBRATE_MS of the PIT.
 * Returns the APIC timer ticks per second at divide-by-16.
 */
static u32 apic_timer_calibrate(u64 *tsc_hz)
{
	u32 elapsed;
	u64 tsc0, tsc1;

	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);	/* one-shot */
	pit_countdown_start(CALIBRATE_MS);
	lapic_write(APIC_TIMER_INIT_COUNT, 0xffffffff);
	tsc0 = rdtsc();
	while (!pit_countdown_done())
		arch_cpu_relax();
	tsc1 = rdtsc();
	elapsed = 0xffffffff - lapic_read(APIC_TIMER_CUR_COUNT);
	lapic_write(APIC_TIMER_INIT_COUNT, 0);

	*tsc_hz = (tsc1 - tsc0) * (1000 / CALIBRATE_MS);
	return elapsed * (1000 / CALIBRATE_MS);
}

void apic_timer_init(void)
{
	u64 tsc_hz;
	u32 apic_hz = apic_timer_calibrate(&tsc_hz);

	if (apic_hz < HZ)
		panic("apic: timer calibration failed (%u Hz)", apic_hz);
	tsc_init(tsc_hz);
	printk("apic: timer %u kHz, tsc %lu kHz, tick %d Hz\n", apic_hz / 1000,
	       tsc_hz / 1000, HZ);

	set_irq_handler(LOCAL_TIMER_VECTOR, apic_timer_interrupt);
	apic_timer_count = apic_hz / HZ;
	apic_timer_start();
}

void apic_timer_start(void)
{
	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	lapic_write(APIC_LVT_TIMER, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INIT_COUNT, apic_timer_count);
}
