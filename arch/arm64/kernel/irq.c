/*
 * arm64 interrupts: the DAIF mask (arch_irq_*), the root interrupt
 * controller and the per-irq handler table (<asm/irq.h>).
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/printk.h>
#include <asm/barrier.h>
#include <asm/irq.h>
#include <asm/sysreg.h>

struct irq_desc {
	irq_handler_t handler;
	void *data;
	const struct irq_chip *chip;	/* whose xlate gave this number; NULL: the root */
};

static const struct irq_chip *root_chip;
static int root_chip_node = -1;
/* A controller chained behind the root one (the Pi 3's armctrl-ic), or NULL. */
static const struct irq_chip *chained_chip;
static int chained_chip_node = -1;
static struct irq_desc irq_desc[NR_IRQS];

unsigned long arch_irq_save(void)
{
	unsigned long flags = read_sysreg(daif);

	__asm__ __volatile__("msr daifset, %0" ::"i"(DAIF_IRQ_IMM) : "memory");
	return flags;
}

void arch_irq_restore(unsigned long flags)
{
	write_sysreg(flags, daif);
}

void arch_irq_enable(void)
{
	__asm__ __volatile__("msr daifclr, %0" ::"i"(DAIF_IRQ_IMM) : "memory");
}

void arch_irq_disable(void)
{
	__asm__ __volatile__("msr daifset, %0" ::"i"(DAIF_IRQ_IMM) : "memory");
}

/*
 * Sleep until an interrupt is pending and let it be taken, whatever the
 * caller's mask: WFI wakes on a pending IRQ even while it is masked, so a
 * caller that checked for work with IRQs off loses no wake-up (the x86
 * "sti; hlt"). Returns with the caller's interrupt state.
 */
void arch_wait_for_interrupt(void)
{
	unsigned long flags = arch_irq_save();

	__asm__ __volatile__("dsb sy\n\twfi" ::: "memory");
	arch_irq_enable();
	isb();			/* the pending IRQ is taken here */
	arch_irq_restore(flags);
}

void arch_cpu_relax(void)
{
	__asm__ __volatile__("yield" ::: "memory");
}

bool arch_irqs_disabled(void)
{
	return read_sysreg(daif) & PSR_I_BIT;
}

void irqchip_register(const struct irq_chip *chip, int node)
{
	BUG_ON(root_chip);
	root_chip = chip;
	root_chip_node = node;
}

void irqchip_register_chained(const struct irq_chip *chip, int node)
{
	BUG_ON(chained_chip || !root_chip);
	chained_chip = chip;
	chained_chip_node = node;
}

int irq_of_parse(const void *fdt, int node, int index, unsigned int *irq)
{
	u32 cells[FDT_MAX_NCELLS];
	const struct irq_chip *chip;
	int n, parent, err;

	parent = fdt_interrupt_parent(fdt, node);
	if (root_chip && parent == root_chip_node)
		chip = root_chip;
	else if (chained_chip && parent == chained_chip_node)
		chip = chained_chip;
	else
		return -ENODEV;
	n = fdt_get_interrupt(fdt, node, index, cells, FDT_MAX_NCELLS);
	if (n < 0)
		return n;
	err = chip->xlate(cells, n, irq);
	if (!err && chip != root_chip)
		irq_desc[*irq].chip = chip;
	return err;
}

int request_irq(unsigned int irq, irq_handler_t handler, void *data)
{
	if (irq >= NR_IRQS || !root_chip)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	irq_desc[irq].data = data;
	irq_desc[irq].handler = handler;
	(irq_desc[irq].chip ? irq_desc[irq].chip : root_chip)->unmask(irq);
	return 0;
}

void enable_percpu_irq(unsigned int irq)
{
	if (irq < NR_IRQS && root_chip && irq_desc[irq].handler)
		root_chip->unmask(irq);
}

bool irqchip_can_send_ipi(void)
{
	return root_chip && root_chip->send_ipi;
}

void irqchip_init_cpu(int cpu)
{
	if (root_chip && root_chip->init_cpu)
		root_chip->init_cpu(cpu);
}

void irqchip_send_ipi(int cpu, unsigned int ipi)
{
	if (root_chip && root_chip->send_ipi && ipi < NR_IPIS)
		root_chip->send_ipi(cpu, ipi);
}

void generic_handle_irq(unsigned int irq)
{
	if (irq < NR_IRQS && irq_desc[irq].handler)
		irq_desc[irq].handler(irq, irq_desc[irq].data);
	else
		printk("irq: spurious irq %u\n", irq);
}

void handle_arch_irq(struct pt_regs *regs)
{
	(void)regs;
	root_chip->handle();
}
