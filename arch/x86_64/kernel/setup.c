/*
 * From head.S to start_kernel(): bring up the console and the descriptor
 * tables, have bootinfo.c translate the boot loader's information into the
 * global struct boot_info, and, once the memory manager is up, prepare
 * user mode (FP, SMEP/SMAP, syscall MSRs), read the firmware's CPU and
 * interrupt tables and start the interrupt controllers, the timer and the
 * IPIs (arch_late_init()). The secondary CPUs repeat the per-CPU parts in
 * start_secondary() (smpboot.c).
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/i8259.h>
#include <asm/fpu.h>
#include <asm/multiboot2.h>
#include <asm/processor.h>
#include <asm/pvh.h>
#include <asm/serial.h>
#include <asm/smp.h>
#include <asm/timer.h>

/* Real-mode IVT, BIOS data, EBDA, VGA and option ROMs: never allocated.
 * The secondary CPUs' trampoline page (TRAMPOLINE_PA, asm/smp.h) is in here. */
#define LOW_RESERVED_END SZ_1M

/*
 * Called by head.S on the boot stack, in the higher half, with interrupts
 * off. magic tells the protocol; info_pa is its information block.
 */
void __noreturn x86_64_start_kernel(unsigned long magic, phys_addr_t info_pa);
void __noreturn x86_64_start_kernel(unsigned long magic, phys_addr_t info_pa)
{
	struct boot_info *bi = &boot_info;

	tsc_mark_boot();
	serial_init();
	gdt_init();
	idt_init();

	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC)
		multiboot2_parse(bi, info_pa);
	else if (magic == XEN_HVM_START_MAGIC)
		pvh_parse(bi, info_pa);
	else
		panic("boot: unknown boot protocol (magic %#lx)", magic);
	boot_add_reserved(bi, 0, LOW_RESERVED_END);
	bi->early_map_base = 0;
	bi->early_map_end = EARLY_MAP_END;
	start_kernel(bi);
}

void arch_late_init(struct boot_info *bi)
{
	(void)bi;
	kernel_pgd_prealloc();		/* before the first ioremap */
	fpu_init();
	cpu_features_init();
	syscall_init();
	pic_disable();
	lapic_init();
	acpi_init();
	io_apic_init();
	apic_timer_init();
	ipi_init();
	serial_enable_irq();
}
