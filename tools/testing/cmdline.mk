# kernel/cmdline.c: cmdline_has() and cmdline_get().
TESTS += cmdline
cmdline_SRCS := kernel/cmdline.c tools/testing/test_cmdline.c
