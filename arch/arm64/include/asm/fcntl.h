/* Open flags whose values differ between architectures: arm64's (Linux asm/fcntl.h). */
#ifndef ASM_FCNTL_H
#define ASM_FCNTL_H

#define O_DIRECTORY 040000
#define O_NOFOLLOW 0100000

#endif
