/*
 * arm64 interrupt handling: one root interrupt controller driver (found in
 * the device tree) and a table of handlers indexed by its interrupt numbers.
 *
 *   exception vector (entry.S) -> handle_arch_irq(regs)
 *     -> irq_chip->handle()          acknowledge, for each pending irq:
 *          -> generic_handle_irq(irq)   the handler from request_irq()
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <kernel/types.h>

#define NR_IRQS 1024

struct pt_regs;

typedef void (*irq_handler_t)(unsigned int irq, void *data);

/* An interrupt controller driver. */
struct irq_chip {
	const char *name;
	/*
	 * Translate one "interrupts" specifier (ncells cells, host order) of a
	 * device wired to this controller into an irq number < NR_IRQS.
	 * Returns 0, or -EINVAL if the specifier is malformed.
	 */
	int (*xlate)(const u32 *cells, int ncells, unsigned int *irq);
	/* Let irq reach this CPU (a per-CPU interrupt: on the calling CPU only). */
	void (*unmask)(unsigned int irq);
	/*
	 * Called with IRQs masked on an IRQ exception: acknowledge every
	 * pending interrupt, generic_handle_irq() it, and end it.
	 */
	void (*handle)(void);
	/*
	 * SMP (NULL if the controller has no per-CPU state / cannot send
	 * IPIs). init_cpu(cpu): set up the calling CPU's own part of the
	 * controller (logical CPU number cpu; the probe did CPU 0's), all its
	 * per-CPU interrupts masked except IPIs. send_ipi(cpu, ipi): raise
	 * IPI number ipi (< NR_IPIS) on CPU cpu, which handles it as irq
	 * IPI_IRQ(ipi) through generic_handle_irq(); stores made before the
	 * call are visible to the target's handler.
	 */
	void (*init_cpu)(int cpu);
	void (*send_ipi)(int cpu, unsigned int ipi);
};

/* IPIs are the first irq numbers (GICv2: SGIs 0-15). */
#define NR_IPIS 16
#define IPI_IRQ(ipi) (ipi)

/* Make chip (device-tree node `node`) the root interrupt controller. */
void irqchip_register(const struct irq_chip *chip, int node);

/*
 * Register chip (node `node`), chained behind the root controller: its
 * xlate gives irq numbers disjoint from the root's, request_irq() unmasks
 * them through it, and its driver requests the root irq it is wired to and
 * generic_handle_irq()s its own pending ones from that handler. At most one.
 */
void irqchip_register_chained(const struct irq_chip *chip, int node);

/*
 * The irq number of entry index of node's "interrupts". Returns 0, or
 * -ENODEV if no registered controller serves the node, -ENOENT/-EINVAL
 * from the device tree.
 */
int irq_of_parse(const void *fdt, int node, int index, unsigned int *irq);

/*
 * Install handler for irq and unmask it. Returns 0, -EINVAL for a bad
 * number or -EBUSY if irq already has a handler. Call with IRQs disabled
 * or before they are first enabled.
 */
int request_irq(unsigned int irq, irq_handler_t handler, void *data);

/* Unmask per-CPU interrupt irq (a PPI) on this CPU; its handler is installed. */
void enable_percpu_irq(unsigned int irq);

/* The root controller's init_cpu()/send_ipi(); false/no-op without them. */
bool irqchip_can_send_ipi(void);
void irqchip_init_cpu(int cpu);
void irqchip_send_ipi(int cpu, unsigned int ipi);

/* Run irq's handler; a controller's handle() calls this. */
void generic_handle_irq(unsigned int irq);

/* Entry from the IRQ vector. */
void handle_arch_irq(struct pt_regs *regs);

#endif
