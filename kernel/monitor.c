/*
 * The kernel monitor: until user space exists, `make run` lands here. It
 * reads lines from the console (interrupt-driven input, echo, backspace)
 * and runs a few commands that show the machine's state.
 */
#include <kernel/arch.h>
#include <kernel/boot.h>
#include <kernel/monitor.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <mm/mm.h>
#include <mm/page_alloc.h>

/* Block (sleeping in wfi/hlt) until a character arrives. */
static char read_char(void)
{
	for (;;) {
		int c;
		unsigned long flags = arch_irq_save();

		c = arch_console_getc();
		if (c < 0) {
			/* Enabling interrupts and waiting must not lose a wake-up:
			 * hlt/wfi return on any pending interrupt. */
			arch_irq_enable();
			arch_wait_for_interrupt();
		}
		arch_irq_restore(flags);
		if (c >= 0)
			return (char)c;
	}
}

static void read_line(char *buf, size_t size)
{
	size_t n = 0;

	for (;;) {
		char c = read_char();

		if (c == '\r' || c == '\n') {
			printk("\n");
			break;
		}
		if ((c == '\b' || c == 0x7f) && n) {
			n--;
			printk("\b \b");
		} else if (c >= ' ' && n + 1 < size) {
			buf[n++] = c;
			printk("%c", c);
		}
	}
	buf[n] = '\0';
}

static void cmd_mem(void)
{
	unsigned int o;

	printk("RAM %llu MiB, %lu of %lu pages free\n",
	       (unsigned long long)(mm_total_ram() >> 20), nr_free_pages(),
	       nr_managed_pages());
	printk("free blocks per order:");
	for (o = 0; o <= MAX_ORDER; o++)
		printk(" %u:%lu", o, nr_free_blocks(o));
	printk("\n");
}

void monitor_run(void)
{
	char line[128];

	printk("kernel monitor: type 'help'\n");
	for (;;) {
		const char *arg;

		printk("kmon> ");
		read_line(line, sizeof(line));
		arg = strchr(line, ' ');
		arg = arg ? arg + 1 : "";
		if (!strcmp(line, "help")) {
			printk("help            this text\n"
			       "mem             memory size and free pages\n"
			       "uptime          time since boot and timer ticks\n"
			       "cmdline         the kernel command line\n"
			       "poweroff [N]    power off (QEMU exit status N)\n");
		} else if (!strcmp(line, "mem")) {
			cmd_mem();
		} else if (!strcmp(line, "uptime")) {
			printk("%llu ms since boot, %llu timer ticks\n",
			       (unsigned long long)(arch_clock_ns() / 1000000),
			       (unsigned long long)jiffies);
		} else if (!strcmp(line, "cmdline")) {
			printk("%s\n", boot_info.cmdline);
		} else if (!strncmp(line, "poweroff", 8) && (line[8] == ' ' || !line[8])) {
			arch_poweroff((int)kstrtoul_prefix(arg, NULL));
		} else if (line[0]) {
			printk("unknown command: %s\n", line);
		}
	}
}
