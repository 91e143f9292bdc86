/*
 * The I/O APIC, which turns device interrupt lines into vectors for the
 * local APICs. Its address and the ISA interrupt source overrides (which
 * pin each ISA IRQ arrives on, with which polarity and trigger) come from
 * the firmware tables (acpi.c). Device interrupts all go to the boot CPU.
 */
#include <kernel/printk.h>
#include <mm/pgtable.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>

#define IO_APIC_REGSEL 0x00	/* index register */
#define IO_APIC_WIN 0x10	/* data window */

#define IO_APIC_REG_VER 0x01	/* bits 23:16: number of pins - 1 */
#define IO_APIC_REG_REDTBL(pin) (0x10 + 2 * (pin))	/* low word; +1 high */

/*
 * Redirection entry (64 bits, written as two 32-bit halves):
 *
 *   63    56        16   15   13   11  10  8 7      0
 *  +------+-- ... --+----+----+----+----+-----+--------+
 *  | dest |         |mask|trig|pol |dest|deliv| vector |
 *  | APIC |         |    |    |    |mode|mode |        |
 *  +------+-- ... --+----+----+----+----+-----+--------+
 *
 * We use fixed delivery (0) and physical destination (0); polarity and
 * trigger follow the ISA default (active high, edge) unless overridden.
 */
#define IO_APIC_RTE_ACTIVE_LOW BIT(13)
#define IO_APIC_RTE_LEVEL BIT(15)
#define IO_APIC_RTE_MASKED BIT(16)
#define IO_APIC_RTE_DEST_SHIFT 24	/* in the high word */

static u8 *io_apic;
static unsigned int io_apic_pins;

static u32 io_apic_read(unsigned int reg)
{
	writel(reg, io_apic + IO_APIC_REGSEL);
	return readl(io_apic + IO_APIC_WIN);
}

static void io_apic_write(unsigned int reg, u32 v)
{
	writel(reg, io_apic + IO_APIC_REGSEL);
	writel(v, io_apic + IO_APIC_WIN);
}

void io_apic_init(void)
{
	unsigned int pin;

	phys_addr_t pa = x86_platform.io_apic_pa;

	io_apic = ioremap(pa, PAGE_SIZE);
	if (!io_apic)
		panic("io_apic: cannot map %#lx", (unsigned long)pa);
	io_apic_pins = ((io_apic_read(IO_APIC_REG_VER) >> 16) & 0xff) + 1;
	for (pin = 0; pin < io_apic_pins; pin++)
		io_apic_write(IO_APIC_REG_REDTBL(pin), IO_APIC_RTE_MASKED);
}

/* Panics if the IRQ's GSI is not on this I/O APIC. */
void io_apic_route_isa_irq(unsigned int irq, u8 vector)
{
	u32 gsi, low = vector;
	u16 flags;
	unsigned int pin;

	BUG_ON(irq >= ISA_IRQS);
	gsi = x86_platform.isa_gsi[irq];
	flags = x86_platform.isa_flags[irq];
	BUG_ON(gsi < x86_platform.io_apic_gsi_base);
	pin = gsi - x86_platform.io_apic_gsi_base;
	BUG_ON(pin >= io_apic_pins);
	if ((flags & MPS_INTI_POLARITY_MASK) == MPS_INTI_POLARITY_LOW)
		low |= IO_APIC_RTE_ACTIVE_LOW;
	if ((flags & MPS_INTI_TRIGGER_MASK) == MPS_INTI_TRIGGER_LEVEL)
		low |= IO_APIC_RTE_LEVEL;
	io_apic_write(IO_APIC_REG_REDTBL(pin) + 1,
		      x86_platform.apic_id[0] << IO_APIC_RTE_DEST_SHIFT);
	io_apic_write(IO_APIC_REG_REDTBL(pin), low);
}
