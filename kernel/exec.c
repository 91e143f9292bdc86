/*
 * execve: replace the current program with a static ELF64 executable.
 *
 *   1. copy argv and envp into the kernel (copy_strings)
 *   2. open and check the ELF header and program headers
 *   3. build a new mm: one VMA per PT_LOAD segment, filled page by page
 *      from the file (vm_insert_folio), plus a small stack VMA below
 *      STACK_TOP (the arguments and 128 KiB) that faults grow down to
 *      RLIMIT_STACK (mm/memory.c, expand_stack())
 *   4. point of no return: switch to the new mm, drop the old one
 *   5. lay out the initial stack (strings, auxv, envp, argv, argc) as the
 *      SysV ABI says, close O_CLOEXEC files, reset signal handlers and
 *      start user mode at the entry point
 */
#include <kernel/arch.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/vfs.h>
#include <mm/mmap.h>
#include <mm/slab.h>

#define ARG_MAX (128 * 1024)	/* bytes of argv + envp strings */
#define STACK_EXPAND (128 * 1024) /* initial stack room below the arguments,
				   * as Linux's setup_arg_pages() */
#define MAX_ARGS 4096

/* ELF64 (System V gABI). */
#define EI_NIDENT 16
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define ET_EXEC 2
#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4
#ifdef __x86_64__
#define ELF_MACHINE 62	/* EM_X86_64 */
#else
#define ELF_MACHINE 183	/* EM_AARCH64 */
#endif

struct elf64_ehdr {
	u8 e_ident[EI_NIDENT];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

/* Auxiliary vector keys. */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_ENTRY 9
#define AT_RANDOM 25
#define AT_EXECFN 31

/* argv and envp strings, copied into one kernel buffer. */
struct exec_args {
	char *buf;		/* argc + envc NUL-terminated strings */
	size_t len;
	int argc, envc;
};

static int add_string(struct exec_args *a, const char *s, size_t n)
{
	if (a->len + n + 1 > ARG_MAX)
		return -E2BIG;
	memcpy(a->buf + a->len, s, n);
	a->buf[a->len + n] = '\0';
	a->len += n + 1;
	return 0;
}

/* Copy a user NULL-terminated array of strings; returns the count or -errno. */
static int copy_user_strings(struct exec_args *a, const char __user *const __user *v)
{
	int n = 0;

	if (!v)
		return 0;
	for (;; n++) {
		const char __user *p;
		long len;

		if (n >= MAX_ARGS)
			return -E2BIG;
		if (get_user(p, v + n))
			return -EFAULT;
		if (!p)
			return n;
		len = strncpy_from_user(a->buf + a->len, p, (long)(ARG_MAX - a->len));
		if (len == -ENAMETOOLONG)
			return -E2BIG;
		if (len < 0)
			return (int)len;
		a->len += (size_t)len + 1;
	}
}

static int copy_kernel_strings(struct exec_args *a, const char *const *v)
{
	int n = 0, err;

	for (; v && v[n]; n++) {
		err = add_string(a, v[n], strlen(v[n]));
		if (err)
			return err;
	}
	return n;
}

static int read_exact(struct file *f, void *buf, size_t n, loff_t pos)
{
	ssize_t got = kernel_read(f, buf, n, pos);

	if (got < 0)
		return (int)got;
	return (size_t)got == n ? 0 : -ENOEXEC;
}

/* Map one PT_LOAD segment into vma pages, copying its file bytes. */
static int load_segment(struct mm_struct *mm, struct file *f, const struct elf64_phdr *ph)
{
	unsigned long start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	unsigned long end = ALIGN(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long file_end = ph->p_vaddr + ph->p_filesz, va, flags = 0;
	struct vm_area_struct *vma;
	int err;

	if (ph->p_flags & PF_R)
		flags |= VM_READ;
	if (ph->p_flags & PF_W)
		flags |= VM_WRITE;
	if (ph->p_flags & PF_X)
		flags |= VM_EXEC;
	/* A page shared with the previous segment is already mapped. */
	vma = find_vma(mm, start);
	if (vma && vma->vm_start <= start)
		start = vma->vm_end;
	if (start >= end)
		return 0;
	err = vm_map_anon_fixed(mm, start, end - start, flags, NULL);
	if (err)
		return err;
	vma = find_vma(mm, start);
	for (va = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		unsigned long from = MAX(va, (unsigned long)ph->p_vaddr);
		unsigned long to = MIN(va + PAGE_SIZE, file_end);
		struct folio *folio;

		if (va < start)
			continue;	/* the shared page: filled by its first segment */
		if (from >= to)
			break;		/* only bss left: demand-zero pages */
		folio = folio_alloc(0, __GFP_ZERO);
		if (!folio)
			return -ENOMEM;
		err = read_exact(f, (char *)folio_address(folio) + (from - va), to - from,
				 (loff_t)(ph->p_offset + (from - ph->p_vaddr)));
		if (!err)
			err = vm_insert_folio(vma, va, folio);
		if (err) {
			folio_put(folio);
			return err;
		}
	}
	return 0;
}

/*
 * Check the headers and build the new address space in *mmp, with a stack
 * VMA of stack_size bytes (page aligned) below STACK_TOP.
 */
static int load_elf(struct file *f, struct mm_struct **mmp, struct elf64_ehdr *eh,
		    unsigned long *phdr_va, unsigned long stack_size)
{
	struct elf64_phdr *ph;
	struct mm_struct *mm;
	unsigned long brk = 0;
	int i, err;

	err = read_exact(f, eh, sizeof(*eh), 0);
	if (err)
		return err;
	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != ELFCLASS64 ||
	    eh->e_ident[5] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != ELF_MACHINE || eh->e_phentsize != sizeof(*ph) ||
	    eh->e_phnum == 0 || eh->e_phnum > 64 ||
	    eh->e_entry < MMAP_MIN_ADDR || eh->e_entry >= MMAP_BASE)
		return -ENOEXEC;
	ph = kmalloc(eh->e_phnum * sizeof(*ph), GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	err = read_exact(f, ph, eh->e_phnum * sizeof(*ph), (loff_t)eh->e_phoff);
	if (err)
		goto out;
	mm = mm_alloc();
	if (!mm) {
		err = -ENOMEM;
		goto out;
	}
	*phdr_va = 0;
	down_write(&mm->mmap_lock);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD || !ph[i].p_memsz)
			continue;
		if (ph[i].p_filesz > ph[i].p_memsz || ph[i].p_vaddr < MMAP_MIN_ADDR ||
		    ph[i].p_vaddr + ph[i].p_memsz > MMAP_BASE ||
		    ph[i].p_vaddr + ph[i].p_memsz < ph[i].p_vaddr ||
		    (ph[i].p_offset & (PAGE_SIZE - 1)) != (ph[i].p_vaddr & (PAGE_SIZE - 1))) {
			err = -ENOEXEC;
			break;
		}
		err = load_segment(mm, f, &ph[i]);
		if (err)
			break;
		if (eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			*phdr_va = ph[i].p_vaddr + (eh->e_phoff - ph[i].p_offset);
		brk = MAX(brk, (unsigned long)(ph[i].p_vaddr + ph[i].p_memsz));
		if (ph[i].p_flags & PF_X) {
			mm->start_code = ph[i].p_vaddr;
			mm->end_code = ph[i].p_vaddr + ph[i].p_filesz;
		} else {
			mm->start_data = ph[i].p_vaddr;
			mm->end_data = ph[i].p_vaddr + ph[i].p_filesz;
		}
	}
	if (!err && !brk)
		err = -ENOEXEC;
	if (!err)
		err = vm_map_anon_fixed(mm, STACK_TOP - stack_size, stack_size,
					VM_READ | VM_WRITE | VM_GROWSDOWN, "[stack]");
	mm->start_brk = mm->brk = ALIGN(brk, PAGE_SIZE);
	mm->start_stack = STACK_TOP;
	up_write(&mm->mmap_lock);
	if (err)
		mmput(mm);
	else
		*mmp = mm;
out:
	kfree(ph);
	return err;
}

/* Push n bytes onto the new user stack; returns the user address. */
static unsigned long push_bytes(unsigned long *sp, const void *data, size_t n, int *err)
{
	*sp -= n;
	if (copy_to_user((void __user *)*sp, data, n))
		*err = -EFAULT;
	return *sp;
}

/* Words of argc, argv[], NULL, envp[], NULL and the 8 auxv pairs. */
static int stack_vec_words(const struct exec_args *a)
{
	return 1 + a->argc + 1 + a->envc + 1 + 2 * 8;
}

/*
 * Size of the initial stack VMA: what setup_stack() writes (strings, 16
 * AT_RANDOM bytes, up to 15 bytes of alignment, the vectors), page
 * aligned, plus STACK_EXPAND.
 */
static unsigned long stack_vma_size(const struct exec_args *a)
{
	size_t used = a->len + 16 + 15 + (size_t)stack_vec_words(a) * sizeof(unsigned long);

	return ALIGN(used, PAGE_SIZE) + STACK_EXPAND;
}

/*
 * The initial stack, from the top down: the strings, 16 AT_RANDOM bytes,
 * then (16-byte aligned) argc, argv[], NULL, envp[], NULL, auxv pairs.
 */
static int setup_stack(struct exec_args *a, const struct elf64_ehdr *eh,
		       unsigned long phdr_va, unsigned long *spp)
{
	unsigned long sp = STACK_TOP, strings, rnd, *vec, pos;
	int nvec = stack_vec_words(a), i, err = 0;
	u64 random[2] = { arch_clock_ns() * 0x9e3779b97f4a7c15ULL,
			  (u64)current->pid * 0xbf58476d1ce4e5b9ULL ^ jiffies };
	const char *s = a->buf;

	strings = push_bytes(&sp, a->buf, a->len, &err);
	rnd = push_bytes(&sp, random, sizeof(random), &err);
	sp = ALIGN_DOWN(sp - nvec * sizeof(unsigned long), 16);
	vec = kmalloc(nvec * sizeof(*vec), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	pos = 0;
	vec[pos++] = (unsigned long)a->argc;
	for (i = 0; i < a->argc; i++, s += strlen(s) + 1)
		vec[pos++] = strings + (unsigned long)(s - a->buf);
	vec[pos++] = 0;
	for (i = 0; i < a->envc; i++, s += strlen(s) + 1)
		vec[pos++] = strings + (unsigned long)(s - a->buf);
	vec[pos++] = 0;
	vec[pos++] = AT_PHDR, vec[pos++] = phdr_va;
	vec[pos++] = AT_PHENT, vec[pos++] = sizeof(struct elf64_phdr);
	vec[pos++] = AT_PHNUM, vec[pos++] = eh->e_phnum;
	vec[pos++] = AT_PAGESZ, vec[pos++] = PAGE_SIZE;
	vec[pos++] = AT_ENTRY, vec[pos++] = eh->e_entry;
	vec[pos++] = AT_RANDOM, vec[pos++] = rnd;
	vec[pos++] = AT_EXECFN, vec[pos++] = strings;
	vec[pos++] = AT_NULL, vec[pos++] = 0;
	if (copy_to_user((void __user *)sp, vec, pos * sizeof(*vec)))
		err = -EFAULT;
	kfree(vec);
	*spp = sp;
	return err;
}

/* Common part of execve; a->buf holds the strings. Returns -errno on failure. */
static int do_execve(const char *path, struct exec_args *a)
{
	struct task_struct *t = current;
	struct mm_struct *mm = NULL, *old;
	struct elf64_ehdr eh;
	unsigned long phdr_va, sp = 0, flags;
	struct file *f;
	const char *base;
	int err, i;

	err = vfs_open(path, O_RDONLY, 0, &f);
	if (err)
		return err;
	if (!S_ISREG(f->inode->mode))
		err = -EACCES;
	else
		err = load_elf(f, &mm, &eh, &phdr_va, stack_vma_size(a));
	fput(f);
	if (err)
		return err;
	err = de_thread();	/* the other threads of the group exit first */
	if (err) {
		mmput(mm);
		return err;
	}

	/* Point of no return: the old program is gone from here on. */
	old = t->mm;
	spin_lock_irqsave(&tasklist_lock, flags);	/* /proc reads t->mm under it */
	t->mm = t->active_mm = mm;
	switch_mm(old ? old : &init_mm, mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (old)
		mmput(old);
	t->flags &= ~PF_KTHREAD;
	for (base = path; strchr(base, '/'); base = strchr(base, '/') + 1)
		;
	strlcpy(t->comm, base, sizeof(t->comm));
	if (t->files)
		close_on_exec(t->files);
	for (i = 0; i < NSIG; i++)
		if (t->sig.action[i] != SIG_IGN)
			t->sig.action[i] = SIG_DFL;

	err = setup_stack(a, &eh, phdr_va, &sp);
	if (err) {
		force_sig_fault(SIGSEGV, sp, task_pt_regs(t), "exec: cannot build the stack");
		return 0;
	}
	arch_start_user(task_pt_regs(t), eh.e_entry, sp);
	return 0;
}

long sys_execve(const char __user *upath, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	struct exec_args a = { NULL, 0, 0, 0 };
	char *path = kmalloc(256, GFP_KERNEL);
	long err;

	a.buf = kmalloc(ARG_MAX, GFP_KERNEL);
	err = -ENOMEM;
	if (!path || !a.buf)
		goto out;
	err = strncpy_from_user(path, upath, 256);
	if (err < 0)
		goto out;
	err = copy_user_strings(&a, argv);
	if (err < 0)
		goto out;
	a.argc = (int)err;
	err = copy_user_strings(&a, envp);
	if (err < 0)
		goto out;
	a.envc = (int)err;
	err = do_execve(path, &a);
out:
	kfree(path);
	kfree(a.buf);
	return err;
}

int kernel_execve(const char *path, const char *const argv[], const char *const envp[])
{
	struct exec_args a = { NULL, 0, 0, 0 };
	int err = -ENOMEM;

	a.buf = kmalloc(ARG_MAX, GFP_KERNEL);
	if (!a.buf)
		return err;
	err = copy_kernel_strings(&a, argv);
	if (err >= 0) {
		a.argc = err;
		err = copy_kernel_strings(&a, envp);
	}
	if (err >= 0) {
		a.envc = err;
		err = do_execve(path, &a);
	}
	kfree(a.buf);
	if (err)
		return err;
	arch_return_to_user(task_pt_regs(current));
}
