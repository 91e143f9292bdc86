/*
 * start_kernel: the architecture-independent boot sequence.
 *
 *   arch entry (head.S, setup.c) -> start_kernel(bi)
 *     -> sched_init     the boot context becomes CPU 0's idle task
 *     -> mm_init        memory manager, final kernel page tables
 *     -> arch_late_init devices, trap tables, timer
 *     -> smp_init       start the other CPUs (they idle until there is work)
 *     -> swap_init      say which block device swap uses, or that there is none
 *     -> banner         memory size and free pages
 *     -> vfs_init       root ramfs, /dev, /proc, /sys; unpack the initramfs
 *     -> first task:    self-tests ("selftest[=NAME]" on the command line,
 *                       then power off) or the first user process
 *                       ("init=/bin/NAME ARGS", default /bin/init)
 *     -> cpu_idle       the boot CPU idles from here on
 */
#include <kernel/arch.h>
#include <kernel/blkdev.h>
#include <kernel/boot.h>
#include <kernel/monitor.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/selftest.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/vfs.h>
#include <mm/mm.h>
#include <mm/page_alloc.h>

struct boot_info boot_info;

#define MAX_INIT_ARGS 16

static int selftest_thread(void *arg)
{
	const char *only = arg;
	int failed = run_selftests(only[0] ? only : NULL);

	arch_poweroff(failed ? EXIT_FAILURE_CODE : EXIT_SUCCESS_CODE);
}

/*
 * Split "init=/bin/NAME ARGS..." out of the command line: the path and
 * every word after it become argv. Returns argc.
 */
static int init_argv(char *buf, size_t size, const char *argv[])
{
	const char *s = strstr(boot_info.cmdline, "init=");
	char *p;
	int argc = 0;

	while (s && s != boot_info.cmdline && s[-1] != ' ')
		s = strstr(s + 1, "init=");
	strlcpy(buf, s ? s + 5 : "/bin/init", size);
	for (p = buf; *p && argc < MAX_INIT_ARGS;) {
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			*p++ = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/* The first user process: pid 1, console on fds 0-2, then exec. */
static int init_thread(void *arg)
{
	static char buf[BOOT_CMDLINE_MAX];
	static const char *argv[MAX_INIT_ARGS + 1];
	static const char *const envp[] = { "HOME=/", "PATH=/bin", "TERM=vt100", NULL };
	struct file *console;
	int err, i;

	(void)arg;
	current->files = files_alloc();
	if (current->files && !open_console(&console)) {
		for (i = 0; i < 3; i++)
			fd_install_lowest(i ? get_file(console) : console, 0);
	}
	init_argv(buf, sizeof(buf), argv);
	err = kernel_execve(argv[0], argv, envp);
	printk("init: cannot run %s: error %d\n", argv[0], err);
	monitor_run();
}

void start_kernel(struct boot_info *bi)
{
	static char only[64];
	bool selftest_one;

	sched_init();
	printk("\nkernel (%s) booting via %s\n", UTS_MACHINE, bi->loader);
	printk("command line: %s\n", bi->cmdline);
	mm_init(bi);
	arch_late_init(bi);
	smp_init();
	swap_init();

	printk("Memory: %llu MiB RAM, %lu pages free (%lu KiB), %lu pages managed\n",
	       (unsigned long long)(mm_total_ram() >> 20), nr_free_pages(),
	       nr_free_pages() * (PAGE_SIZE / 1024), nr_managed_pages());
	printk("Boot: banner reached at %llu us\n",
	       (unsigned long long)(arch_clock_ns() / 1000));

	vfs_init();
	if (bi->initrd_size && initramfs_unpack(__va(bi->initrd_base), bi->initrd_size))
		printk("initramfs: unpacking failed\n");
	arch_irq_enable();

	selftest_one = cmdline_get(bi->cmdline, "selftest", only, sizeof(only));
	if (selftest_one || cmdline_has(bi->cmdline, "selftest"))
		kthread_run(selftest_thread, only, "selftest");
	else
		kthread_run(init_thread, NULL, "init");
	cpu_idle();
}
