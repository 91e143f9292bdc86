TESTS += x86_bootinfo
x86_bootinfo_SRCS := arch/x86_64/kernel/bootinfo.c kernel/boot_info.c \
	tools/testing/test_x86_bootinfo.c
x86_bootinfo_CFLAGS := -I$(TOP)/arch/x86_64/include
