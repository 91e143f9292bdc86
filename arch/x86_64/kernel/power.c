/*
 * arch_poweroff() on QEMU's pc machine: ACPI S5 for a clean exit (QEMU
 * exits 0), the isa-debug-exit device for any other code (QEMU exits
 * (code << 1) | 1 when started with
 * -device isa-debug-exit,iobase=0xf4,iosize=0x04).
 */
#include <kernel/arch.h>
#include <asm/io.h>
#include <asm/special_insns.h>

/* PM1a control register: the firmware puts the PIIX4/ICH9 PM block at 0x600. */
#define ACPI_PM1A_CNT 0x604
#define ACPI_PM1_SLP_TYP_S5 (0 << 10)	/* QEMU's _S5 sleep type */
#define ACPI_PM1_SLP_EN (1 << 13)	/* enter the sleep state */
#define ISA_DEBUG_EXIT_PORT 0xf4

void __noreturn arch_poweroff(int code)
{
	arch_irq_disable();
	if (code == 0)
		outw(ACPI_PM1A_CNT, ACPI_PM1_SLP_TYP_S5 | ACPI_PM1_SLP_EN);
	else
		outl(ISA_DEBUG_EXIT_PORT, code);
	/* Not under QEMU (or no debug-exit device): stop here. */
	for (;;)
		halt();
}
