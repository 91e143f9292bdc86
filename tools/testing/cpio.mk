# kernel/fs/cpio.c: the initramfs's cpio "newc" parser, good and bad archives.
TESTS += cpio
cpio_SRCS := kernel/fs/cpio.c tools/testing/test_cpio.c
