/*
 * The interrupt descriptor table: every vector enters through its stub in
 * entry.S, as an interrupt gate (interrupts off on entry). The double
 * fault runs on its own IST stack. All CPUs share the one table. Only the breakpoint gate may be used by
 * an int instruction in user mode (int3); any other int from user mode
 * raises #GP.
 */
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>

/*
 * A 64-bit gate (Intel SDM vol. 3, 6.14.1), 16 bytes:
 *
 *   offset 15:0 | selector | ist (bits 2:0) | P DPL 0 type | offset 31:16
 *   offset 63:32 | reserved
 */
struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_PRESENT 0x80
#define GATE_DPL0 0x00
#define GATE_DPL3 0x60		/* callable by int from ring 3 */
#define GATE_INTERRUPT 0x0e	/* 64-bit interrupt gate: clears IF */

#define IRQ_STUB_SIZE 16	/* entry.S STUB_SIZE */

extern const char irq_entry_stubs[];

static struct idt_gate idt[NR_VECTORS] __aligned(16);

static void set_intr_gate(unsigned int vector, unsigned long handler, u8 ist, u8 dpl)
{
	struct idt_gate *g = &idt[vector];

	g->offset_low = handler & 0xffff;
	g->selector = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_PRESENT | dpl | GATE_INTERRUPT;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

void idt_load(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };

	__asm__ __volatile__("lidt %0" ::"m"(idtr) : "memory");
}

void idt_init(void)
{
	unsigned int v;

	BUILD_BUG_ON(sizeof(struct idt_gate) != 16);
	for (v = 0; v < NR_VECTORS; v++)
		set_intr_gate(v, (unsigned long)irq_entry_stubs + v * IRQ_STUB_SIZE,
			      v == X86_TRAP_DF ? IST_DOUBLE_FAULT : 0,
			      v == X86_TRAP_BP ? GATE_DPL3 : GATE_DPL0);
	idt_load();
}
