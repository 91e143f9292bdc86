/*
 * Small system calls: identity, time, sleeping, uname, resource limits
 * and power-off.
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/vfs.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	struct task_struct *p = current->parent;

	return p ? p->tgid : 0;
}

long sys_sched_yield(void)
{
	schedule();
	return 0;
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	struct timespec ts;
	u64 ns;

	switch (clock) {
	case CLOCK_REALTIME:	/* no RTC yet: time since boot */
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		ns = arch_clock_ns();
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		ns = (current->utime + current->stime) * (NSEC_PER_SEC / HZ);
		break;
	default:
		return -EINVAL;
	}
	ts.tv_sec = (long)(ns / NSEC_PER_SEC);
	ts.tv_nsec = (long)(ns % NSEC_PER_SEC);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/*
 * Sleep until the clock (not the tick count, whose rate is only as good as
 * the timer calibration) has passed the deadline, in tick-sized naps.
 */
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem)
{
	const u64 tick_ns = NSEC_PER_SEC / HZ;
	struct timespec ts;
	u64 ns, deadline, now;

	if (copy_from_user(&ts, req, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec > (1ULL << 32))
		ts.tv_sec = 1L << 32;	/* over a century: forever, in practice */
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	deadline = arch_clock_ns() + ns;
	while ((now = arch_clock_ns()) < deadline) {
		schedule_timeout((long)DIV_ROUND_UP(deadline - now, tick_ns));
		if (signal_pending_current()) {
			now = arch_clock_ns();
			if (now >= deadline)
				break;
			if (rem) {
				ts.tv_sec = (long)((deadline - now) / NSEC_PER_SEC);
				ts.tv_nsec = (long)((deadline - now) % NSEC_PER_SEC);
				if (copy_to_user(rem, &ts, sizeof(ts)))
					return -EFAULT;
			}
			return -EINTR;
		}
	}
	return 0;
}

struct utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
	char domainname[65];
};

long sys_uname(struct utsname __user *buf)
{
	static const struct utsname u = {
		.sysname = "Linux",	/* the ABI we implement, as programs check */
		.nodename = "mmkernel",
		.release = "6.1.0-mmkernel",
		.version = "#1 SMP",
		.machine = UTS_MACHINE,
		.domainname = "(none)",
	};

	return copy_to_user(buf, &u, sizeof(u)) ? -EFAULT : 0;
}

#define RLIM_UNLIMITED { RLIM_INFINITY, RLIM_INFINITY }

/* Every process's limits (include/kernel/resource.h), by Linux's numbers. */
static const struct rlimit rlimits[RLIM_NLIMITS] = {
	RLIM_UNLIMITED,			/* RLIMIT_CPU */
	RLIM_UNLIMITED,			/* RLIMIT_FSIZE */
	RLIM_UNLIMITED,			/* RLIMIT_DATA */
	{ _STK_LIM, RLIM_INFINITY },	/* RLIMIT_STACK */
	{ 0, RLIM_INFINITY },		/* RLIMIT_CORE */
	RLIM_UNLIMITED,			/* RLIMIT_RSS */
	RLIM_UNLIMITED,			/* RLIMIT_NPROC */
	{ NR_OPEN, NR_OPEN },		/* RLIMIT_NOFILE */
	RLIM_UNLIMITED,			/* RLIMIT_MEMLOCK */
	RLIM_UNLIMITED,			/* RLIMIT_AS */
	RLIM_UNLIMITED,			/* RLIMIT_LOCKS */
	RLIM_UNLIMITED,			/* RLIMIT_SIGPENDING */
	RLIM_UNLIMITED,			/* RLIMIT_MSGQUEUE */
	RLIM_UNLIMITED,			/* RLIMIT_NICE */
	RLIM_UNLIMITED,			/* RLIMIT_RTPRIO */
	RLIM_UNLIMITED,			/* RLIMIT_RTTIME */
};

unsigned long rlimit(unsigned int resource)
{
	return rlimits[resource].rlim_cur;
}

/*
 * Read and/or set one limit, as Linux's do_prlimit(): new (if not NULL) is
 * checked, *old (if not NULL) gets the limit in force. The limits are
 * fixed, so a new value other than the current one is -EPERM. Returns 0,
 * -EINVAL or -EPERM; *old is written only on success.
 */
static long do_prlimit(unsigned int resource, const struct rlimit *new, struct rlimit *old)
{
	const struct rlimit *cur;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	cur = &rlimits[resource];
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && (new->rlim_cur != cur->rlim_cur || new->rlim_max != cur->rlim_max))
		return -EPERM;
	if (old)
		*old = *cur;
	return 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit value;
	long err = do_prlimit(resource, NULL, &value);

	if (err)
		return err;
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(resource, &value, NULL);
}

/* struct rlimit64 has the layout of struct rlimit on both architectures. */
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_rlim,
		   struct rlimit __user *old_rlim)
{
	struct rlimit new, old;
	unsigned long flags;
	bool found;
	long err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (pid) {
		spin_lock_irqsave(&tasklist_lock, flags);
		found = find_task_by_pid(pid) != NULL;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!found)
			return -ESRCH;
	}
	err = do_prlimit(resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	(void)arg;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:	/* QEMU runs end here too */
		arch_poweroff(0);
	default:
		return -EINVAL;
	}
}
