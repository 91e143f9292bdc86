/* Open flags whose values differ between architectures: x86-64 (Linux's generic values). */
#ifndef ASM_FCNTL_H
#define ASM_FCNTL_H

#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000

#endif
