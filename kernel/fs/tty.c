/*
 * The console tty, /dev/console (5:1) and /dev/tty (5:0), with a small
 * line discipline. Received bytes wait in the arch UART's ring until a
 * reader drains them (arch_console_getc) through the discipline: in
 * canonical mode (ICANON, the default) with echo, erase (DEL or ^H, echoed
 * as "\b \b"), kill line (^U), end of file (^D) and CR -> NL (ICRNL); a
 * read returns at most one line. Writes go straight to console_write().
 *
 * Locking: tty.read_lock (a mutex) is held by the one reader that runs the
 * discipline, across its sleep; it guards buf and its indices.
 * tty.termios_lock guards termios.
 */
#include <kernel/arch.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#include "internal.h"

/* ioctl numbers and termios bits: Linux's (the same on x86-64 and arm64). */
#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414

#define ICRNL 0x100
#define IXON 0x400
#define OPOST 0x1
#define ONLCR 0x4
#define B38400 0xf
#define CS8 0x30
#define CREAD 0x80
#define HUPCL 0x400
#define ISIG 0x1
#define ICANON 0x2
#define ECHO 0x8
#define ECHOE 0x10
#define ECHOK 0x20
#define ECHOCTL 0x200
#define ECHOKE 0x800
#define IEXTEN 0x8000

#define NCCS 19
enum { VINTR, VQUIT, VERASE, VKILL, VEOF, VTIME, VMIN, VSWTC, VSTART, VSTOP, VSUSP,
       VEOL, VREPRINT, VDISCARD, VWERASE, VLNEXT, VEOL2 };

#define CTRL(c) ((c) & 0x1f)
#define N_TTY_BUF_SIZE 4096

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/*
 * buf[rd, committed) can be read; buf[committed, end) is the line being
 * edited. In canonical mode ^D is stored as itself: it ends a read, and
 * a read that meets it first returns 0 (end of file).
 */
static struct tty {
	struct mutex read_lock;
	struct wait_queue_head read_wait;
	spinlock_t termios_lock;
	struct termios termios;
	char buf[N_TTY_BUF_SIZE];
	size_t rd, committed, end;
} tty = {
	.read_lock = MUTEX_INIT(tty.read_lock),
	.read_wait = WAIT_QUEUE_HEAD_INIT(tty.read_wait),
	.termios_lock = SPINLOCK_INIT("tty_termios"),
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B38400 | CS8 | CREAD | HUPCL,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
		.c_cc = {
			[VINTR] = CTRL('C'), [VQUIT] = 0x1c, [VERASE] = 0x7f,
			[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1,
			[VSTART] = CTRL('Q'), [VSTOP] = CTRL('S'), [VSUSP] = CTRL('Z'),
			[VREPRINT] = CTRL('R'), [VDISCARD] = CTRL('O'),
			[VWERASE] = CTRL('W'), [VLNEXT] = CTRL('V'),
		},
	},
};

static u32 tty_lflag(void)
{
	u32 l;

	spin_lock(&tty.termios_lock);
	l = tty.termios.c_lflag;
	spin_unlock(&tty.termios_lock);
	return l;
}

static void echo(u32 lflag, const char *s, size_t n)
{
	if (lflag & ECHO)
		console_write(s, n);
}

/* Run one received byte through the discipline; read_lock held. */
static void n_tty_receive(char c, u32 iflag, u32 lflag)
{
	if (c == '\r' && (iflag & ICRNL))
		c = '\n';
	if (!(lflag & ICANON)) {
		if (tty.end < N_TTY_BUF_SIZE) {
			tty.buf[tty.end++] = c;
			tty.committed = tty.end;
			echo(lflag, &c, 1);
		}
		return;
	}
	if (c == 0x7f || c == '\b') {
		if (tty.end > tty.committed) {
			tty.end--;
			echo(lflag, "\b \b", 3);
		}
	} else if (c == CTRL('U')) {
		while (tty.end > tty.committed) {
			tty.end--;
			echo(lflag, "\b \b", 3);
		}
	} else if (c == CTRL('D') || c == '\n') {
		/* Always room: the line stops one byte short of the end. */
		tty.buf[tty.end++] = c;
		tty.committed = tty.end;
		if (c == '\n')
			echo(lflag, "\n", 1);
	} else if (tty.end < N_TTY_BUF_SIZE - 1) {
		tty.buf[tty.end++] = c;
		echo(lflag, &c, 1);
	}
}

/* Drain the UART's ring; true when a read can return. read_lock held. */
static bool n_tty_input_ready(void)
{
	u32 iflag, lflag;
	int c;

	spin_lock(&tty.termios_lock);
	iflag = tty.termios.c_iflag;
	lflag = tty.termios.c_lflag;
	spin_unlock(&tty.termios_lock);
	while (tty.end < N_TTY_BUF_SIZE && (c = arch_console_getc()) >= 0)
		n_tty_receive((char)c, iflag, lflag);
	return tty.rd < tty.committed;
}

/* Move what was read out of the way once the readable part is used up. */
static void n_tty_compact(void)
{
	if (tty.rd < tty.committed)
		return;
	memmove(tty.buf, tty.buf + tty.committed, tty.end - tty.committed);
	tty.end -= tty.committed;
	tty.rd = tty.committed = 0;
}

static ssize_t tty_read(struct file *file, char __user *ubuf, size_t n, loff_t *pos)
{
	bool canon = tty_lflag() & ICANON;
	size_t span = 0;
	ssize_t ret;

	(void)pos;
	if (!n)
		return 0;
	mutex_lock(&tty.read_lock);
	if ((file->flags & O_NONBLOCK) && !n_tty_input_ready())
		ret = -EAGAIN;
	else
		ret = wait_event_interruptible(tty.read_wait, n_tty_input_ready());
	if (ret)
		goto out;
	/* One line at most in canonical mode; ^D ends it and is dropped. */
	while (tty.rd + span < tty.committed && span < n) {
		char c = tty.buf[tty.rd + span];

		if (canon && c == CTRL('D'))
			break;
		span++;
		if (canon && c == '\n')
			break;
	}
	if (span && copy_to_user(ubuf, tty.buf + tty.rd, span)) {
		ret = -EFAULT;
		goto out;
	}
	tty.rd += span;
	if (canon && tty.rd < tty.committed && tty.buf[tty.rd] == CTRL('D'))
		tty.rd++;
	ret = span;
	n_tty_compact();
out:
	mutex_unlock(&tty.read_lock);
	return ret;
}

static ssize_t tty_write(struct file *file, const char __user *ubuf, size_t n, loff_t *pos)
{
	char chunk[128];
	size_t done = 0;

	(void)file, (void)pos;
	while (done < n) {
		size_t len = MIN(n - done, sizeof(chunk));
		size_t left = copy_from_user(chunk, ubuf + done, len);

		console_write(chunk, len - left);
		done += len - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	struct termios t;

	(void)file;
	switch (cmd) {
	case TCGETS:
		spin_lock(&tty.termios_lock);
		t = tty.termios;
		spin_unlock(&tty.termios_lock);
		return copy_to_user(uarg, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, uarg, sizeof(t)))
			return -EFAULT;
		spin_lock(&tty.termios_lock);
		tty.termios = t;
		spin_unlock(&tty.termios_lock);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(uarg, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&ws, uarg, sizeof(ws)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(current->tgid, (int __user *)uarg);
	case TIOCSPGRP:
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
};

void console_rx_notify(void)
{
	wake_up(&tty.read_wait);
}

int open_console(struct file **out)
{
	return vfs_open("/dev/console", O_RDWR, 0, out);
}

void tty_init(void)
{
	if (register_chrdev(MKDEV(5, 1), &tty_fops) || register_chrdev(MKDEV(5, 0), &tty_fops))
		printk("tty: cannot register /dev/console\n");
}
