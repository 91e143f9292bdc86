/*
 * Each CPU's global descriptor table and task state segment. The layout
 * is in asm/segment.h; the TSS supplies the ring-0 stack for interrupts from
 * user mode (rsp0, rewritten at every context switch) and a separate stack
 * for double faults (IST), so that a kernel stack overflow still reaches
 * die(). A TSS descriptor is marked busy by ltr, so no two CPUs can share
 * one: every CPU has its own GDT, TSS and double-fault stack.
 */
#include <kernel/string.h>
#include <asm/desc.h>
#include <asm/segment.h>

#define DOUBLE_FAULT_STACK_SIZE 8192

/*
 * A 64-bit TSS descriptor takes two GDT slots (Intel SDM vol. 3, 8.2.3):
 *
 *  low:  63  56 55 52 51  48 47 46 45 44 43  40 39     16 15      0
 *       +------+-----+------+--+-----+--+------+---------+---------+
 *       |base  |flags|limit |P | DPL |0 | type | base    | limit   |
 *       |31:24 |     |19:16 |  |     |  |      | 23:0    | 15:0    |
 *       +------+-----+------+--+-----+--+------+---------+---------+
 *  high: bits 31:0 = base 63:32, the rest reserved
 */
#define TSS_TYPE_AVAILABLE 0x9ULL	/* 64-bit TSS, not busy */
#define DESC_PRESENT (1ULL << 47)

static const u64 gdt_template[GDT_ENTRIES] = {
	[GDT_ENTRY_KERNEL_CS] = GDT_DESC_KERNEL_CODE64,
	[GDT_ENTRY_KERNEL_DS] = GDT_DESC_KERNEL_DATA,
	[GDT_ENTRY_USER_DS] = GDT_DESC_USER_DATA,
	[GDT_ENTRY_USER_CS] = GDT_DESC_USER_CODE64,
};

static u64 gdt[NR_CPUS][GDT_ENTRIES] __aligned(16);
struct tss_struct cpu_tss[NR_CPUS] __aligned(16);
static u8 double_fault_stack[NR_CPUS][DOUBLE_FAULT_STACK_SIZE] __aligned(16);

/* Top of the boot stack (head.S): the ring-0 stack until there are tasks. */
extern char boot_stack_top[];

static void set_tss_desc(u64 *desc, const struct tss_struct *t)
{
	u64 base = (u64)t;
	u64 limit = sizeof(*t) - 1;

	desc[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		  (TSS_TYPE_AVAILABLE << 40) | DESC_PRESENT |
		  (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	desc[1] = base >> 32;
}

void gdt_init(void)
{
	gdt_init_cpu(0, (unsigned long)boot_stack_top);
}

void gdt_init_cpu(int cpu, unsigned long rsp0)
{
	struct tss_struct *tss = &cpu_tss[cpu];
	struct desc_ptr gdtr = { sizeof(gdt[cpu]) - 1, (u64)gdt[cpu] };

	BUILD_BUG_ON(sizeof(struct tss_struct) != 104);
	memcpy(gdt[cpu], gdt_template, sizeof(gdt_template));
	memset(tss, 0, sizeof(*tss));
	tss->rsp[0] = rsp0;
	tss->ist[IST_DOUBLE_FAULT - 1] = (u64)(double_fault_stack[cpu] + DOUBLE_FAULT_STACK_SIZE);
	tss->io_bitmap_base = sizeof(*tss);
	set_tss_desc(&gdt[cpu][GDT_ENTRY_TSS], tss);

	/* Load the table, reload CS with a far return, then the data segments. */
	__asm__ __volatile__("lgdt %0\n\t"
			     "pushq %1\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %2, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     "movl %%eax, %%fs\n\t"
			     "movl %%eax, %%gs\n\t"
			     "ltr %w3"
			     :
			     : "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(__TSS_SEL)
			     : "rax", "memory");
}
