/*
 * Host tests for arch/arm64/kernel/devices.c: which device-tree node every
 * driver of the arm64 kernel binds to on QEMU virt, the Raspberry Pi 3
 * (QEMU raspi3b) and the Raspberry Pi 4, with the real tables and probe
 * order (the drivers are stubs that record what they were given, except
 * the GPIO driver, which runs on a fake register block), and the console
 * UART console.c would pick from the uart_drivers table: register bases
 * after the bus ranges, interrupt controllers and their chaining, the
 * interrupt specifiers of the timer and the console, the function the
 * console's pins GPIO14/15 get, and how cpu_ops.c starts each CPU.
 */
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/string.h>
#include <asm/device.h>
#include <asm/smp.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define VIRT "qemu-virt-gicv2-smp2.dtb"
#define RPI4 "bcm2711-rpi-4-b.dtb"
#define RPI3 "bcm2837-rpi-3-b.dtb"

/* What the stub drivers saw, in probe order. */
enum { IRQCHIP, CHAINED, PINCTRL, CONSOLE, TIMER, NR_STEPS };
static struct {
	int node[NR_STEPS];
	const char *driver[NR_STEPS];
	int order[NR_STEPS], n;
	phys_addr_t mapped;	/* what the GPIO driver ioremap()ped */
} seen;

/* The GPIO block (3 bits per pin): every pin set to function 1 (output). */
#define GPFSEL_ALL_OUTPUT 0x09249249
static u32 gpio_regs[64];

static void record(int step, const char *driver, int node)
{
	seen.node[step] = node;
	seen.driver[step] = driver;
	seen.order[seen.n++] = step;
}

int gic_v2_probe(const void *fdt, int node)
{
	(void)fdt;
	record(IRQCHIP, "gic_v2", node);
	return 0;
}

int bcm2836_l1_intc_probe(const void *fdt, int node)
{
	(void)fdt;
	record(IRQCHIP, "bcm2836_l1_intc", node);
	return 0;
}

int bcm2835_armctrl_ic_probe(const void *fdt, int node)
{
	(void)fdt;
	record(CHAINED, "bcm2835_armctrl_ic", node);
	return 0;
}

/* devices.c's calls of the real driver (bcm2835_gpio.c), via ld --wrap. */
int __real_bcm2835_gpio_probe(const void *fdt, int node);
int __wrap_bcm2835_gpio_probe(const void *fdt, int node);

int __wrap_bcm2835_gpio_probe(const void *fdt, int node)
{
	record(PINCTRL, "bcm2835_gpio", node);
	return __real_bcm2835_gpio_probe(fdt, node);
}

int arch_timer_probe(const void *fdt, int node)
{
	(void)fdt;
	record(TIMER, "arch_timer", node);
	return 0;
}

void console_late_init(const void *fdt)
{
	record(CONSOLE, "console", fdt_chosen_stdout(fdt));
}

/* Only the GPIO driver maps registers here: give it the fake block. */
void *ioremap(phys_addr_t pa, u64 size)
{
	seen.mapped = pa;
	return size <= sizeof(gpio_regs) ? gpio_regs : NULL;
}

const struct uart_driver pl011_driver = { .compatible = "arm,pl011" };
const struct uart_driver bcm2835_aux_uart_driver = { .compatible = "brcm,bcm2835-aux-uart" };

static void *load(const char *name)
{
	char path[512];
	void *fdt;
	size_t size;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", FDT_DATA_DIR, name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "test_arm64_devices: cannot open %s\n", path);
		abort();
	}
	fseek(f, 0, SEEK_END);
	size = (size_t)ftell(f);
	rewind(f);
	fdt = malloc(size);
	if (!fdt || fread(fdt, 1, size, f) != size || fdt_check(fdt, size))
		abort();
	fclose(f);
	return fdt;
}

static void probe(const void *fdt)
{
	memset(&seen, 0, sizeof(seen));
	memset(seen.node, 0xff, sizeof(seen.node));	/* -1: not probed */
	seen.mapped = FDT_BAD_ADDR;
	for (size_t i = 0; i < ARRAY_SIZE(gpio_regs); i++)
		gpio_regs[i] = GPFSEL_ALL_OUTPUT;
	arm64_probe_devices(fdt);
}

/* The console driver console.c's uart_match() would take for node. */
static const struct uart_driver *console_driver(const void *fdt, int node)
{
	int i;

	for (i = 0; uart_drivers[i]; i++)
		if (fdt_node_check_compatible(fdt, node, uart_drivers[i]->compatible) == 0)
			return uart_drivers[i];
	return NULL;
}

static phys_addr_t base(const void *fdt, int node, int index, u64 *size)
{
	phys_addr_t pa = 0;
	u64 sz = 0;

	if (node < 0 || !of_address(fdt, node, index, &pa, &sz))
		return FDT_BAD_ADDR;
	if (size)
		*size = sz;
	return pa;
}

static bool irq_is(const void *fdt, int node, int index, int n, u32 a, u32 b, u32 c)
{
	u32 cells[FDT_MAX_NCELLS] = { 0 };

	return fdt_get_interrupt(fdt, node, index, cells, FDT_MAX_NCELLS) == n &&
	       cells[0] == a && (n < 2 || cells[1] == b) && (n < 3 || cells[2] == c);
}

static bool compatible(const void *fdt, int node, const char *compat)
{
	return node >= 0 && fdt_node_check_compatible(fdt, node, compat) == 0;
}

/*
 * GPIO14 and 15 (GPFSEL1, bits 12-17) have function fsel, and every other
 * pin of the block is as it was (output).
 */
static bool console_pins_are(u32 fsel)
{
	u32 want1 = (GPFSEL_ALL_OUTPUT & ~(077u << 12)) | fsel << 12 | fsel << 15;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(gpio_regs); i++)
		if (gpio_regs[i] != (i == 1 ? want1 : GPFSEL_ALL_OUTPUT))
			return false;
	return true;
}

#define GPIO_FSEL_ALT0 4	/* GPIO14/15: PL011 TXD0/RXD0 (BCM2711 datasheet 5.3) */
#define GPIO_FSEL_ALT5 2	/* GPIO14/15: mini UART TXD1/RXD1 */

/* Point /chosen stdout-path at alias (same length as the original, in place). */
static void set_stdout_path(void *fdt, const char *path)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len;
	char *p = (char *)fdt_getprop(fdt, chosen, "stdout-path", &len);

	if (!p || (size_t)len != strlen(path) + 1)
		abort();
	memcpy(p, path, len);
}

TEST(probe_order_irqchip_chained_pins_console_timer)
{
	void *fdt = load(RPI3);
	static const int want[] = { IRQCHIP, CHAINED, PINCTRL, CONSOLE, TIMER };
	int i;

	probe(fdt);
	CHECK(seen.n == NR_STEPS, "%d probes", seen.n);
	for (i = 0; i < seen.n && i < NR_STEPS; i++)
		CHECK(seen.order[i] == want[i], "probe %d is step %d, expected %d", i,
		      seen.order[i], want[i]);
	free(fdt);
}

TEST(virt_gicv2_pl011_armv8_timer_no_pi_drivers)
{
	void *fdt = load(VIRT);
	int gic, uart, timer;
	u64 size;

	probe(fdt);
	gic = seen.node[IRQCHIP];
	uart = seen.node[CONSOLE];
	timer = seen.node[TIMER];
	CHECK(!strcmp(seen.driver[IRQCHIP], "gic_v2"), "irqchip driver %s", seen.driver[IRQCHIP]);
	CHECK(base(fdt, gic, 0, &size) == 0x08000000 && size == 0x10000, "GICD");
	CHECK(base(fdt, gic, 1, &size) == 0x08010000 && size == 0x10000, "GICC");
	CHECK(seen.node[CHAINED] == -1 && seen.node[PINCTRL] == -1, "no chained irqchip, no pins");
	CHECK(console_driver(fdt, uart) == &pl011_driver, "console driver");
	CHECK(base(fdt, uart, 0, NULL) == 0x09000000, "PL011 base");
	CHECK(fdt_interrupt_parent(fdt, uart) == gic && irq_is(fdt, uart, 0, 3, 0, 1, 4),
	      "PL011 irq SPI 1");
	CHECK(compatible(fdt, timer, "arm,armv8-timer"), "timer");
	CHECK(fdt_interrupt_parent(fdt, timer) == gic &&
		      irq_is(fdt, timer, ARCH_TIMER_VIRT_PPI, 3, 1, 11, 0x304),
	      "virtual timer PPI 11");
	free(fdt);
}

TEST(rpi4_gic400_mini_uart_pins_armv8_timer)
{
	void *fdt = load(RPI4);
	int gic, uart, timer, pins;
	u64 size;

	probe(fdt);
	gic = seen.node[IRQCHIP];
	uart = seen.node[CONSOLE];
	timer = seen.node[TIMER];
	pins = seen.node[PINCTRL];
	CHECK(compatible(fdt, gic, "arm,gic-400") && !strcmp(seen.driver[IRQCHIP], "gic_v2"),
	      "GIC-400 with the GICv2 driver");
	CHECK(base(fdt, gic, 0, &size) == 0xff841000 && size == 0x1000, "GICD");
	CHECK(base(fdt, gic, 1, &size) == 0xff842000 && size == 0x2000, "GICC");
	CHECK(seen.node[CHAINED] == -1, "no chained irqchip");
	CHECK(compatible(fdt, pins, "brcm,bcm2711-gpio") && seen.mapped == 0xfe200000,
	      "GPIO block for the console pins mapped at %#llx", (unsigned long long)seen.mapped);
	CHECK(console_pins_are(GPIO_FSEL_ALT5), "GPIO14/15 ALT5 (mini UART), GPFSEL1 %#x",
	      gpio_regs[1]);
	CHECK(console_driver(fdt, uart) == &bcm2835_aux_uart_driver, "mini UART console");
	CHECK(base(fdt, uart, 0, NULL) == 0xfe215040, "mini UART in the low peripheral window");
	CHECK(fdt_interrupt_parent(fdt, uart) == gic && irq_is(fdt, uart, 0, 3, 0, 93, 4),
	      "mini UART irq SPI 93");
	CHECK(compatible(fdt, timer, "arm,armv8-timer"), "timer");
	CHECK(fdt_interrupt_parent(fdt, timer) == gic &&
		      irq_is(fdt, timer, ARCH_TIMER_VIRT_PPI, 3, 1, 11, 0xf08),
	      "virtual timer PPI 11");
	free(fdt);
}

TEST(rpi3_l1_intc_chained_armctrl_mini_uart_armv7_timer)
{
	void *fdt = load(RPI3);
	int l1, armctrl, uart, timer, pins;

	probe(fdt);
	l1 = seen.node[IRQCHIP];
	armctrl = seen.node[CHAINED];
	uart = seen.node[CONSOLE];
	timer = seen.node[TIMER];
	pins = seen.node[PINCTRL];
	CHECK(compatible(fdt, l1, "brcm,bcm2836-l1-intc") && base(fdt, l1, 0, NULL) == 0x40000000,
	      "local intc is the root");
	CHECK(compatible(fdt, armctrl, "brcm,bcm2836-armctrl-ic") &&
		      base(fdt, armctrl, 0, NULL) == 0x3f00b200, "armctrl chained");
	CHECK(fdt_interrupt_parent(fdt, armctrl) == l1 && irq_is(fdt, armctrl, 0, 2, 8, 4, 0),
	      "armctrl is the local intc's GPU interrupt (8)");
	CHECK(compatible(fdt, pins, "brcm,bcm2835-gpio") && seen.mapped == 0x3f200000,
	      "GPIO block mapped at %#llx", (unsigned long long)seen.mapped);
	CHECK(console_pins_are(GPIO_FSEL_ALT5), "GPIO14/15 ALT5 (mini UART), GPFSEL1 %#x",
	      gpio_regs[1]);
	CHECK(console_driver(fdt, uart) == &bcm2835_aux_uart_driver &&
		      base(fdt, uart, 0, NULL) == 0x3f215040, "mini UART console");
	CHECK(fdt_interrupt_parent(fdt, uart) == armctrl && irq_is(fdt, uart, 0, 2, 1, 29, 0),
	      "mini UART irq: armctrl bank 1, 29 (AUX)");
	CHECK(compatible(fdt, timer, "arm,armv7-timer"), "timer (armv7 compatible)");
	CHECK(fdt_interrupt_parent(fdt, timer) == l1 &&
		      irq_is(fdt, timer, ARCH_TIMER_VIRT_PPI, 2, 3, 4, 0),
	      "virtual timer: local source 3 (CNTV)");
	free(fdt);
}

TEST(no_known_interrupt_controller_panics)
{
	void *fdt = load(VIRT);
	int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");
	int len;
	char *compat = (char *)fdt_getprop(fdt, gic, "compatible", &len);

	/* Same length, so the blob stays valid: no driver matches any more. */
	memcpy(compat, "arm,cortex-xxx-gic", strlen("arm,cortex-a15-gic"));
	EXPECT_PANIC(probe(fdt));
	CHECK(strstr(host_panic_msg, "interrupt controller") != NULL, "panic: %s", host_panic_msg);
	free(fdt);
}

/* Pi 4 with the PL011 on the header (stdout-path serial0, as disable-bt gives). */
TEST(rpi4_pl011_console_gets_alt0_pins)
{
	void *fdt = load(RPI4);
	int uart, gic;

	set_stdout_path(fdt, "serial0:115200n8");
	probe(fdt);
	uart = seen.node[CONSOLE];
	gic = seen.node[IRQCHIP];
	CHECK(console_driver(fdt, uart) == &pl011_driver, "PL011 console");
	CHECK(base(fdt, uart, 0, NULL) == 0xfe201000, "PL011 UART0 base");
	CHECK(fdt_interrupt_parent(fdt, uart) == gic && irq_is(fdt, uart, 0, 3, 0, 121, 4),
	      "PL011 irq SPI 121");
	CHECK(seen.mapped == 0xfe200000 && console_pins_are(GPIO_FSEL_ALT0),
	      "GPIO14/15 ALT0 (PL011), GPFSEL1 %#x", gpio_regs[1]);
	free(fdt);
}

/* CPU n of the tree at path: what of_cpu_boot() makes of it. */
static struct cpu_boot cpu_boot_of(const void *fdt, const char *path)
{
	struct cpu_boot b = { .mpidr = ~0ULL, .method = ENABLE_NONE };
	int node = fdt_path_offset(fdt, path);

	if (node < 0 || !of_cpu_boot(fdt, node, fdt_path_offset(fdt, "/cpus"), &b))
		b.mpidr = ~0ULL;
	return b;
}

/* Pi 3 and 4: the firmware parks CPUs 1-3 on its spin table at 0xd8 + 8 * n. */
static void check_spin_table(const char *name)
{
	void *fdt = load(name);
	char path[32];
	struct cpu_boot b;
	int cpu;

	for (cpu = 0; cpu < 4; cpu++) {
		snprintf(path, sizeof(path), "/cpus/cpu@%d", cpu);
		b = cpu_boot_of(fdt, path);
		CHECK(b.mpidr == (u64)cpu, "%s %s: MPIDR %#llx", name, path,
		      (unsigned long long)b.mpidr);
		CHECK(b.method == ENABLE_SPIN_TABLE, "%s %s: spin table (the CPU's method, "
		      "not /cpus' brcm,bcm2836-smp), got %d", name, path, b.method);
		CHECK(b.release_addr == 0xd8 + 8 * (u64)cpu, "%s %s: release address %#llx", name,
		      path, (unsigned long long)b.release_addr);
	}
	free(fdt);
}

TEST(rpi4_secondaries_parked_on_the_spin_table)
{
	check_spin_table(RPI4);
}

TEST(rpi3_secondaries_parked_on_the_spin_table)
{
	check_spin_table(RPI3);
}

TEST(virt_cpus_start_with_psci)
{
	void *fdt = load(VIRT);
	struct cpu_boot b = cpu_boot_of(fdt, "/cpus/cpu@1");

	CHECK(b.mpidr == 1 && b.method == ENABLE_PSCI, "cpu@1: MPIDR %#llx method %d",
	      (unsigned long long)b.mpidr, b.method);
	free(fdt);
}

/*
 * A spin-table CPU without a release address cannot be started: the
 * property (tag, len, name offset, 8 value bytes) becomes FDT_NOP tokens.
 */
TEST(spin_table_without_release_addr_is_unusable)
{
	void *fdt = load(RPI4);
	int node = fdt_path_offset(fdt, "/cpus/cpu@1"), len, i;
	unsigned char *val = (unsigned char *)fdt_getprop(fdt, node, "cpu-release-addr", &len);
	static const unsigned char nop[4] = { 0, 0, 0, 4 };	/* FDT_NOP, big endian */
	struct cpu_boot b;

	if (!val || len != 8)
		abort();
	for (i = -3; i < 2; i++)
		memcpy(val + 4 * i, nop, 4);
	b = cpu_boot_of(fdt, "/cpus/cpu@1");
	CHECK(b.mpidr == 1 && b.method == ENABLE_NONE, "cpu@1 without release address: method %d",
	      b.method);
	b = cpu_boot_of(fdt, "/cpus/cpu@2");
	CHECK(b.method == ENABLE_SPIN_TABLE && b.release_addr == 0xe8, "cpu@2 unaffected");
	free(fdt);
}
