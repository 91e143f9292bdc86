/*
 * CPU protection features the kernel turns on when CPUID reports them:
 * SMEP (the kernel never executes user pages) and SMAP (the kernel touches
 * user pages only between stac and clac, in lib/copy_user.S).
 */
#include <kernel/cpu.h>
#include <kernel/printk.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/smap.h>
#include <asm/special_insns.h>

#define CPUID_LEAF_EXT_FEATURES 7
#define CPUID_7_EBX_SMEP BIT(7)
#define CPUID_7_EBX_SMAP BIT(20)

bool smap_enabled;

static void cpuid_count(unsigned int leaf, unsigned int sub, unsigned int *eax,
			unsigned int *ebx, unsigned int *ecx, unsigned int *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(sub));
}

void cpu_features_init(void)
{
	unsigned int max_leaf, ebx = 0, ecx, edx, unused;
	unsigned long cr4 = read_cr4();

	cpuid_count(0, 0, &max_leaf, &unused, &ecx, &edx);
	if (max_leaf >= CPUID_LEAF_EXT_FEATURES)
		cpuid_count(CPUID_LEAF_EXT_FEATURES, 0, &unused, &ebx, &ecx, &edx);
	if (ebx & CPUID_7_EBX_SMEP)
		cr4 |= X86_CR4_SMEP;
	if (ebx & CPUID_7_EBX_SMAP)
		cr4 |= X86_CR4_SMAP;
	write_cr4(cr4);
	smap_enabled = ebx & CPUID_7_EBX_SMAP;
	if (this_cpu()->id != 0)
		return;		/* every CPU runs this; the boot CPU reports */
	printk("cpu: SMEP %s, SMAP %s\n", ebx & CPUID_7_EBX_SMEP ? "on" : "not supported",
	       smap_enabled ? "on" : "not supported");
}
