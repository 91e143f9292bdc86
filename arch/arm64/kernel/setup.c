/*
 * arm64 boot in C: read the flattened device tree the boot loader passed
 * into boot_info (bootinfo.c), start the early console, call
 * start_kernel(); and arch_late_init(), which brings up the devices once
 * memory management is.
 *
 * Until arch_late_init() drops it, the TTBR0 identity map of head.S lets us
 * read the DTB and the UART at their physical addresses.
 */
#include <kernel/arch.h>
#include <kernel/boot.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <asm/barrier.h>
#include <asm/bootinfo.h>
#include <asm/device.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <mm/arch.h>

#define FDT_MAX_SIZE SZ_2M	/* like Linux: a larger blob is rejected */

/* Set by head.S before any C runs (stored after bss is cleared). */
phys_addr_t kimage_phys_base;
u32 boot_cpu_mode;

void arm64_start_kernel(phys_addr_t dtb_pa)
{
	struct boot_info *bi = &boot_info;
	const void *fdt = (const void *)(unsigned long)dtb_pa;

	/* Without a valid DTB there is no console to complain on. */
	if (!dtb_pa || !IS_ALIGNED(dtb_pa, 8) || fdt_check(fdt, FDT_MAX_SIZE))
		panic("no valid device tree at %#lx\n", (unsigned long)dtb_pa);
	/* First: arch_poweroff() reads the command line. */
	boot_info_from_fdt(fdt, dtb_pa, bi);
	console_early_init(fdt);
	psci_init(fdt);
	bi->early_map_base = ALIGN_DOWN(kimage_phys_base, SZ_1G);
	bi->early_map_end = bi->early_map_base + SZ_1G;
	if (!bi->nr_mem)
		panic("device tree lists no memory\n");
	printk("arm64: entered at EL%u, image at %#lx, DTB at %#lx\n", boot_cpu_mode,
	       (unsigned long)kimage_phys_base + TEXT_OFFSET, (unsigned long)dtb_pa);
	start_kernel(bi);
}

/*
 * Privileged Access Never (ARMv8.1), where the CPU has it: every exception
 * to EL1 sets PSTATE.PAN (SCTLR_EL1.SPAN = 0), so a kernel load or store
 * through a user mapping faults. The user-access routines use LDTR/STTR,
 * to which PAN does not apply, so it is never turned off. cortex-a72
 * (ARMv8.0) has no PAN; -cpu max has. Every CPU calls it for itself;
 * returns whether PAN is on.
 */
bool cpu_enable_pan(void)
{
	u64 mmfr1 = read_sysreg(id_aa64mmfr1_el1);

	if (!((mmfr1 >> ID_AA64MMFR1_PAN_SHIFT) & ID_AA64MMFR1_PAN_MASK))
		return false;
	write_sysreg(read_sysreg(sctlr_el1) & ~SCTLR_EL1_SPAN, sctlr_el1);
	isb();
	__asm__ __volatile__(SET_PSTATE_PAN_1 ::: "memory");
	return true;
}

void arch_late_init(struct boot_info *bi)
{
	arm64_probe_devices(__va(bi->dtb));
	arm64_drop_idmap();
	if (cpu_enable_pan())
		printk("arm64: Privileged Access Never enabled\n");
}
