/*
 * Glue between the arm64 boot pieces: what head.S leaves behind and the
 * firmware services (PSCI, semihosting) setup.c and power.c use.
 */
#ifndef ASM_SETUP_H
#define ASM_SETUP_H

#include <kernel/compiler.h>

/* BOOT_CPU_MODE_EL1 or _EL2 (<asm/sysreg.h>): how the boot loader entered us. */
extern u32 boot_cpu_mode;

/* C entry from head.S, MMU on, running at KIMAGE_VADDR, bss zeroed. */
void __noreturn arm64_start_kernel(phys_addr_t dtb_pa);

/*
 * PSCI (psci.c). psci_init() takes the conduit from /psci "method"
 * (none if the tree has no /psci: psci_system_off() then just returns);
 * before it runs, calls use smc if we were entered at EL2 (no hypervisor
 * is there to answer hvc), else hvc.
 */
void psci_init(const void *fdt);
void psci_system_off(void);
/* Whether the device tree gave a PSCI conduit (psci_init() has run). */
bool psci_available(void);
/*
 * PSCI CPU_ON: start the CPU with affinity mpidr at physical address
 * entry, MMU off, x0 = context_id. 0, or -EINVAL (bad mpidr/entry),
 * -EPERM (denied), -EBUSY (already on), -EIO (no PSCI, other errors).
 */
int psci_cpu_on(u64 mpidr, phys_addr_t entry, unsigned long context_id);

/* Semihosting SYS_EXIT (semihost.c): QEMU -semihosting exits with code. */
void __noreturn semihost_exit(int code);

/* mm/mmu.c: drop the TTBR0 identity map head.S built (after devices are ioremapped). */
void arm64_drop_idmap(void);

#endif
