/*
 * The ARM generic timer ("arm,armv8-timer"): the system counter gives
 * arch_clock_ns(), and the EL1 virtual timer (CNTV) interrupts HZ times a
 * second to drive timer_tick(). The counter frequency is read from
 * CNTFRQ_EL0 (62.5 MHz in QEMU, 54 MHz on the Pi 4), never assumed.
 *
 * The device tree lists the timer's interrupts in the order secure
 * physical, non-secure physical, virtual, hypervisor; we use the virtual
 * one (PPI 27 on QEMU virt and the Pi 4). Each CPU has its own timer:
 * the boot CPU starts it in the probe, the secondaries in
 * arch_timer_init_cpu(). As on Linux, user mode may read
 * the virtual counter (CNTKCTL_EL1.EL0VCTEN).
 */
#include <kernel/arch.h>
#include <kernel/cpu.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <asm/device.h>
#include <asm/irq.h>
#include <asm/sysreg.h>

#define NSEC_PER_SEC 1000000000ULL

static u64 timer_period;	/* counter ticks per jiffy */
static unsigned int timer_irq;	/* the virtual timer's PPI */
static u64 timer_ticks[NR_CPUS];	/* interrupts taken, per CPU */

u64 arch_clock_ns(void)
{
	u64 freq = read_sysreg(cntfrq_el0);
	u64 cnt = read_sysreg(cntvct_el0);

	/* Split so that cnt * 1e9 cannot overflow. */
	return cnt / freq * NSEC_PER_SEC + cnt % freq * NSEC_PER_SEC / freq;
}

/* Next deadline one period after the last; skip ahead if we fell behind. */
static void arch_timer_irq(unsigned int irq, void *data)
{
	u64 next = read_sysreg(cntv_cval_el0) + timer_period;
	u64 now = read_sysreg(cntvct_el0);

	(void)irq;
	(void)data;
	if (next <= now)
		next = now + timer_period;
	write_sysreg(next, cntv_cval_el0);
	timer_ticks[this_cpu()->id]++;
	timer_tick();
}

u64 arch_timer_ticks(int cpu)
{
	return __atomic_load_n(&timer_ticks[cpu], __ATOMIC_RELAXED);
}

/*
 * Start this CPU's virtual timer: first deadline one period from now,
 * EL0 may read the counter. The irq handler must be installed; IRQs off.
 */
static void arch_timer_start_cpu(void)
{
	write_sysreg(CNTKCTL_EL0VCTEN, cntkctl_el1);
	write_sysreg(CNTV_CTL_IMASK, cntv_ctl_el0);
	write_sysreg(read_sysreg(cntvct_el0) + timer_period, cntv_cval_el0);
	enable_percpu_irq(timer_irq);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
}

void arch_timer_init_cpu(void)
{
	if (timer_period)
		arch_timer_start_cpu();
}

int arch_timer_probe(const void *fdt, int node)
{
	u64 freq = read_sysreg(cntfrq_el0);
	unsigned int irq;
	int err;

	if (!freq)
		return -EINVAL;
	err = irq_of_parse(fdt, node, ARCH_TIMER_VIRT_PPI, &irq);
	if (err)
		return err;
	write_sysreg(CNTV_CTL_IMASK, cntv_ctl_el0);
	err = request_irq(irq, arch_timer_irq, NULL);
	if (err)
		return err;
	timer_irq = irq;
	timer_period = freq / HZ;
	arch_timer_start_cpu();
	printk("arch_timer: %llu Hz counter, virtual timer irq %u, HZ=%d\n",
	       (unsigned long long)freq, irq, HZ);
	return 0;
}
