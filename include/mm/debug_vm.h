/*
 * The memory manager's consistency checker (mm/debug_vm.c), readable as
 * /sys/kernel/debug/vm_check ("ok\n" or the first problem found); runtests
 * reads it after every test program.
 */
#ifndef MM_DEBUG_VM_H
#define MM_DEBUG_VM_H

#include <kernel/types.h>

/*
 * Check every mm's page tables, every folio's counts and the rmap against
 * each other (see mm/debug_vm.c). Writes the first problem (or "ok") into
 * buf. May sleep; no locks held. Returns true if all is well.
 */
bool vm_check(char *buf, size_t size);

/* Register /sys/kernel/debug/vm_check (after sysfs exists). */
void vm_check_init(void);

#endif
