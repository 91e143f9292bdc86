/*
 * Linux system-call numbers of the architecture being compiled for
 * (user-space view; the kernel has its own copy in arch/<arch>/include).
 */
#ifndef _USER_ASM_UNISTD_H
#define _USER_ASM_UNISTD_H

#if defined(__x86_64__)
#include <asm/unistd-x86_64.h>
#elif defined(__aarch64__)
#include <asm/unistd-arm64.h>
#else
#error "unsupported architecture"
#endif

#endif
