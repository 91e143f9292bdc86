/*
 * The I/O APIC, which turns device interrupt lines into vectors for the
 * local APICs. Without an ACPI (MADT) parser, this assumes QEMU's pc
 * machine: one I/O APIC at the standard address, with ISA IRQ n on pin n
 * (only IRQ 0, the PIT, is rerouted, to pin 2; it is not used).
 */
#include <kernel/printk.h>
#include <mm/pgtable.h>
#include <asm/apic.h>
#include <asm/io.h>

#define IO_APIC_BASE 0xfec00000UL
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
 * We use fixed delivery (0), physical destination (0), active high (0),
 * edge triggered (0).
 */
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

	io_apic = ioremap(IO_APIC_BASE, PAGE_SIZE);
	if (!io_apic)
		panic("io_apic: cannot map %#lx", IO_APIC_BASE);
	io_apic_pins = ((io_apic_read(IO_APIC_REG_VER) >> 16) & 0xff) + 1;
	for (pin = 0; pin < io_apic_pins; pin++)
		io_apic_write(IO_APIC_REG_REDTBL(pin), IO_APIC_RTE_MASKED);
}

/* Panics on IRQ 0 (rerouted on the pc machine) or a pin the chip lacks. */
void io_apic_route_isa_irq(unsigned int irq, u8 vector)
{
	unsigned int pin = irq;

	BUG_ON(irq == 0 || pin >= io_apic_pins);
	io_apic_write(IO_APIC_REG_REDTBL(pin) + 1, lapic_id() << IO_APIC_RTE_DEST_SHIFT);
	io_apic_write(IO_APIC_REG_REDTBL(pin), vector);
}
