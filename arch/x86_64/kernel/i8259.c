/*
 * The legacy 8259A PIC pair. The APICs deliver all interrupts here, so the
 * PICs are only moved out of the exception vectors (where a spurious IRQ 7
 * would look like a CPU exception) and masked.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_DATA 0xa1

#define ICW1_INIT 0x10		/* start initialisation */
#define ICW1_ICW4 0x01		/* an ICW4 follows */
#define ICW3_MASTER_SLAVE_ON_IR2 0x04	/* master: slave on input 2 */
#define ICW3_SLAVE_ID 0x02		/* slave: cascade identity 2 */
#define ICW4_8086 0x01		/* 8086 mode */
#define PIC_MASK_ALL 0xff

void pic_disable(void)
{
	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	outb(PIC_MASTER_DATA, PIC_VECTOR_BASE);		/* ICW2: vector base */
	outb(PIC_SLAVE_DATA, PIC_VECTOR_BASE + 8);
	outb(PIC_MASTER_DATA, ICW3_MASTER_SLAVE_ON_IR2);
	outb(PIC_SLAVE_DATA, ICW3_SLAVE_ID);
	outb(PIC_MASTER_DATA, ICW4_8086);
	outb(PIC_SLAVE_DATA, ICW4_8086);
	outb(PIC_MASTER_DATA, PIC_MASK_ALL);
	outb(PIC_SLAVE_DATA, PIC_MASK_ALL);
}
