/* <sys/auxv.h>: the auxiliary vector execve passes (Linux AT_* types). */
#ifndef _USER_SYS_AUXV_H
#define _USER_SYS_AUXV_H

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_RANDOM	25

/* The value of auxiliary-vector entry type, or 0 if there is none. */
unsigned long getauxval(unsigned long type);

#endif
