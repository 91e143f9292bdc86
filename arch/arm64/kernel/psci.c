/*
 * PSCI, the Power State Coordination Interface: firmware calls (to EL2 by
 * hvc, or EL3 by smc) that switch CPUs and the system on and off. The
 * conduit is the device tree's /psci "method" property.
 */
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/string.h>
#include <asm/setup.h>
#include <asm/sysreg.h>

#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008
#define PSCI_0_2_FN64_CPU_ON 0xC4000003	/* (target MPIDR, entry pa, context id) */
#define PSCI_RET_SUCCESS 0L
#define PSCI_RET_NOT_SUPPORTED (-1L)
#define PSCI_RET_INVALID_PARAMS (-2L)
#define PSCI_RET_DENIED (-3L)
#define PSCI_RET_ALREADY_ON (-4L)

enum psci_conduit {
	PSCI_CONDUIT_BOOT_EL,	/* not known yet: smc if entered at EL2, else hvc */
	PSCI_CONDUIT_NONE,	/* the device tree has no /psci (Pi: spin tables) */
	PSCI_CONDUIT_HVC,
	PSCI_CONDUIT_SMC,
};

static enum psci_conduit conduit;

/*
 * One SMC Calling Convention call: function id in x0, arguments in x1-x3,
 * result in x0; x1-x17 may be clobbered. PSCI_RET_NOT_SUPPORTED without a
 * conduit.
 */
static long psci_call(unsigned long fn, unsigned long a1, unsigned long a2, unsigned long a3)
{
	register unsigned long x0 __asm__("x0") = fn;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;
	enum psci_conduit how = conduit;

	if (how == PSCI_CONDUIT_BOOT_EL)
		how = boot_cpu_mode == BOOT_CPU_MODE_EL2 ? PSCI_CONDUIT_SMC : PSCI_CONDUIT_HVC;
	if (how == PSCI_CONDUIT_NONE)
		return PSCI_RET_NOT_SUPPORTED;
	if (how == PSCI_CONDUIT_SMC)
		__asm__ __volatile__("smc #0"
				     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				     :
				     : "x4", "x5", "x6", "x7", "x8", "x9",
				       "x10", "x11", "x12", "x13", "x14", "x15", "x16",
				       "x17", "memory");
	else
		__asm__ __volatile__("hvc #0"
				     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				     :
				     : "x4", "x5", "x6", "x7", "x8", "x9",
				       "x10", "x11", "x12", "x13", "x14", "x15", "x16",
				       "x17", "memory");
	return (long)x0;
}

void psci_init(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/psci");
	const char *method;
	int len;

	conduit = PSCI_CONDUIT_NONE;
	if (node < 0)
		return;
	method = fdt_getprop(fdt, node, "method", &len);
	if (method && len == 4 && !memcmp(method, "smc", 4))
		conduit = PSCI_CONDUIT_SMC;
	else if (method && len == 4 && !memcmp(method, "hvc", 4))
		conduit = PSCI_CONDUIT_HVC;
}

/* Returns only if the firmware refuses (or there is no PSCI). */
void psci_system_off(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

bool psci_available(void)
{
	return conduit == PSCI_CONDUIT_HVC || conduit == PSCI_CONDUIT_SMC;
}

int psci_cpu_on(u64 mpidr, phys_addr_t entry, unsigned long context_id)
{
	long ret = psci_call(PSCI_0_2_FN64_CPU_ON, mpidr, entry, context_id);

	switch (ret) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_INVALID_PARAMS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	case PSCI_RET_ALREADY_ON:
		return -EBUSY;
	default:
		return -EIO;
	}
}
