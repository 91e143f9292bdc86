/*
 * start_kernel: the architecture-independent boot sequence.
 *
 *   arch entry (head.S, setup.c) -> start_kernel(bi)
 *     -> mm_init        memory manager, final kernel page tables
 *     -> arch_late_init devices, trap tables, timer
 *     -> banner         memory size and free pages
 *     -> self-tests (command line "selftest[=NAME]") and power off,
 *        or the kernel monitor on the console
 */
#include <kernel/arch.h>
#include <kernel/boot.h>
#include <kernel/monitor.h>
#include <kernel/printk.h>
#include <kernel/selftest.h>
#include <mm/mm.h>
#include <mm/page_alloc.h>

struct boot_info boot_info;

void start_kernel(struct boot_info *bi)
{
	char only[64];
	bool selftest_one;
	int failed;

	printk("\nkernel (%s) booting via %s\n", UTS_MACHINE, bi->loader);
	printk("command line: %s\n", bi->cmdline);
	mm_init(bi);
	arch_late_init(bi);
	arch_irq_enable();

	printk("Memory: %llu MiB RAM, %lu pages free (%lu KiB), %lu pages managed\n",
	       (unsigned long long)(mm_total_ram() >> 20), nr_free_pages(),
	       nr_free_pages() * (PAGE_SIZE / 1024), nr_managed_pages());
	printk("Boot: banner reached at %llu us\n",
	       (unsigned long long)(arch_clock_ns() / 1000));

	selftest_one = cmdline_get(bi->cmdline, "selftest", only, sizeof(only));
	if (selftest_one || cmdline_has(bi->cmdline, "selftest")) {
		failed = run_selftests(selftest_one ? only : NULL);
		arch_poweroff(failed ? EXIT_FAILURE_CODE : EXIT_SUCCESS_CODE);
	}
	monitor_run();
}
