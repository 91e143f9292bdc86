/*
 * arch_poweroff(): PSCI SYSTEM_OFF for a clean stop (QEMU exits 0); for a
 * failure code, semihosting SYS_EXIT when the command line says
 * "semihosting" (QEMU was started with -semihosting and exits with the
 * code), else PSCI SYSTEM_OFF too. Without PSCI (the Pi: no firmware
 * service), semihosting for every code if allowed, else halt.
 */
#include <kernel/arch.h>
#include <kernel/boot.h>
#include <asm/setup.h>

void arch_poweroff(int code)
{
	arch_irq_disable();
	if (code != EXIT_SUCCESS_CODE && cmdline_has(boot_info.cmdline, "semihosting"))
		semihost_exit(code);
	psci_system_off();
	/* No PSCI (QEMU raspi3b): semihosting is the only way out. */
	if (cmdline_has(boot_info.cmdline, "semihosting"))
		semihost_exit(code);
	for (;;)
		arch_wait_for_interrupt();
}
