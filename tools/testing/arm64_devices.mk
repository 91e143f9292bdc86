# arch/arm64/kernel/devices.c (the compatible -> driver tables and the
# probe order), cpu_ops.c (how each CPU is started) and the BCM2835/BCM2711
# GPIO driver (console pins, on fake registers: fake_io/asm/io.h) on the
# real QEMU virt, Pi 3 and Pi 4 device trees in data/.
TESTS += arm64_devices
arm64_devices_SRCS := arch/arm64/kernel/devices.c arch/arm64/kernel/cpu_ops.c \
	arch/arm64/drivers/bcm2835_gpio.c lib/fdt.c tools/testing/test_arm64_devices.c
arm64_devices_CFLAGS := -I$(CURDIR)/fake_io -I$(TOP)/arch/arm64/include \
	-DFDT_DATA_DIR='"$(CURDIR)/data"' -Wl,--wrap=bcm2835_gpio_probe
