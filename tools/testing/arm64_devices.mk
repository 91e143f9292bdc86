# arch/arm64/kernel/devices.c (the compatible -> driver tables and the
# probe order) on the real QEMU virt, Pi 3 and Pi 4 device trees in data/.
TESTS += arm64_devices
arm64_devices_SRCS := arch/arm64/kernel/devices.c lib/fdt.c tools/testing/test_arm64_devices.c
arm64_devices_CFLAGS := -I$(TOP)/arch/arm64/include -DFDT_DATA_DIR='"$(CURDIR)/data"'
