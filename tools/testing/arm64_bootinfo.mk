# arch/arm64/kernel/bootinfo.c on the real device trees in data/.
TESTS += arm64_bootinfo
arm64_bootinfo_SRCS := arch/arm64/kernel/bootinfo.c lib/fdt.c kernel/boot_info.c \
	tools/testing/test_arm64_bootinfo.c
arm64_bootinfo_CFLAGS := -I$(TOP)/arch/arm64/include -DFDT_DATA_DIR='"$(CURDIR)/data"'
