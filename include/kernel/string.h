/*
 * Freestanding string and memory functions (lib/string.c).
 * The host test build uses the C library's versions instead.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <kernel/types.h>

#ifdef HOST_TEST
#include <string.h>
#else
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
size_t strlcpy(char *dst, const char *src, size_t size);
#endif

/* Parse an unsigned number in base 10, or 16 with a 0x prefix; *end set past it. */
unsigned long kstrtoul_prefix(const char *s, const char **end);

#endif
