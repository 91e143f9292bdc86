# lib/printf.c renamed to k_vsnprintf/k_snprintf so it can be compared with libc.
TESTS += printf
printf_SRCS := lib/printf.c tools/testing/test_printf.c
printf_CFLAGS := -Dvsnprintf=k_vsnprintf -Dsnprintf=k_snprintf
