# Top-level build. `make [ARCH=x86_64|arm64]` builds build/<arch>/;
# `make run`, `make test`, `make gdb`, `make bench` are described in README.md.

ARCH ?= x86_64
MEM ?= 512M
SMP ?= 2
CMDLINE ?=
# DEBUG=1 (the default: make run, make test): lock debugging
# (-DCONFIG_DEBUG_LOCKS, kernel/lockdep.c) and free-page poisoning
# (-DCONFIG_DEBUG_VM, mm/page_alloc.c), built in build/<arch>.
# DEBUG=0 (make bench): without them, in build/<arch>-nodebug.
DEBUG ?= 1
BUILD := build/$(ARCH)$(if $(filter 0,$(DEBUG)),-nodebug)
Q := @

ifeq ($(ARCH),x86_64)
CROSS :=
ARCH_CFLAGS := -DUTS_MACHINE=\"x86_64\" -m64 -mcmodel=kernel -mno-red-zone -mno-sse -mno-mmx -mno-80387 \
	-mno-sse2 -fno-asynchronous-unwind-tables
KERNEL_IMAGE := $(BUILD)/kernel.elf
else ifeq ($(ARCH),arm64)
CROSS := aarch64-linux-gnu-
ARCH_CFLAGS := -DUTS_MACHINE=\"aarch64\" -mgeneral-regs-only -mno-outline-atomics -fno-asynchronous-unwind-tables
KERNEL_IMAGE := $(BUILD)/Image
else
$(error ARCH must be x86_64 or arm64)
endif

CC := $(CROSS)gcc
LD := $(CROSS)ld
OBJCOPY := $(CROSS)objcopy
CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-pie \
	-fno-stack-protector -fno-common -fno-builtin -nostdinc -fno-omit-frame-pointer \
	-isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/$(ARCH)/include $(ARCH_CFLAGS) -MMD -MP
CFLAGS += $(if $(filter 1,$(DEBUG)),-DCONFIG_DEBUG_LOCKS -DCONFIG_DEBUG_VM)
ASFLAGS := $(CFLAGS) -D__ASSEMBLY__
LDFLAGS := -nostdlib -n -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
	-T arch/$(ARCH)/kernel.ld

SRCS := $(wildcard kernel/*.c kernel/fs/*.c mm/*.c lib/*.c) \
	$(shell find arch/$(ARCH) -name '*.c' -o -name '*.S' | sort)
OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(basename $(SRCS)))
LIBGCC := $(shell $(CC) -print-libgcc-file-name)

.PHONY: all kernel deps run test test-host gdb clean iso FORCE
all: deps kernel initramfs

kernel: $(KERNEL_IMAGE)

# User programs and the initramfs (user/user.mk).
include user/user.mk

deps:
	$(Q)tools/install-deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(BUILD)/kernel.elf: $(OBJS) arch/$(ARCH)/kernel.ld
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(LIBGCC)
	@echo "  LD      $@"

$(BUILD)/Image: $(BUILD)/kernel.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	@echo "  IMAGE   $@"

# x86-64 GRUB rescue ISO (what `make run` boots).
iso: $(BUILD)/kernel.iso
# The command line is baked into grub.cfg: rebuild the ISO when it changes.
$(BUILD)/cmdline.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@
FORCE:
$(BUILD)/kernel.iso: $(BUILD)/kernel.elf $(INITRAMFS) boot/grub/grub.cfg $(BUILD)/cmdline.stamp
	@rm -rf $(BUILD)/iso && mkdir -p $(BUILD)/iso/boot/grub
	$(Q)cp $(BUILD)/kernel.elf $(BUILD)/iso/boot/kernel.elf
	$(Q)cp $(INITRAMFS) $(BUILD)/iso/boot/initramfs.cpio
	$(Q)sed 's|@CMDLINE@|$(CMDLINE)|' boot/grub/grub.cfg > $(BUILD)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(BUILD)/iso >/dev/null 2>&1
	@echo "  ISO     $@"

run: deps kernel initramfs $(if $(filter x86_64,$(ARCH)),$(BUILD)/kernel.iso)
	$(Q)ARCH=$(ARCH) MEM=$(MEM) SMP=$(SMP) tools/qemu.sh run "$(CMDLINE)"

gdb: deps kernel initramfs
	$(Q)ARCH=$(ARCH) MEM=$(MEM) SMP=$(SMP) tools/gdb.sh "$(CMDLINE)"

test: deps
	$(Q)tools/test.sh

# Raspberry Pi 4 SD card image, build/arm64/rpi4-sdcard.img (issue 6:
# tools/mk-rpi4-sdcard.sh, docs/rpi4.md). Always the arm64 build.
.PHONY: rpi4-sdcard
rpi4-sdcard: deps
	$(Q)$(MAKE) -s ARCH=arm64 kernel initramfs
	$(Q)tools/mk-rpi4-sdcard.sh

test-host:
	$(Q)$(MAKE) -s -C tools/testing run

# `make bench`: every benchmark /bin/b_* (user/bench/)
# through /bin/benchall on QEMU with BENCH_SMP=4 CPUs and BENCH_MEM=1G, the
# kernel built with DEBUG=0; the output also goes to build/<arch>-nodebug/bench.log.
BENCH_SMP ?= 4
BENCH_MEM ?= 1G
BENCH_BUILD := build/$(ARCH)-nodebug
.PHONY: bench
bench: deps
	$(Q)$(MAKE) -s ARCH=$(ARCH) DEBUG=0 kernel initramfs
	$(Q){ ARCH=$(ARCH) MEM=$(BENCH_MEM) SMP=$(BENCH_SMP) BUILD=$(BENCH_BUILD) timeout 1800 \
		tools/qemu.sh test "init=/bin/benchall" </dev/null; \
		echo $$? >$(BENCH_BUILD)/bench.status; } | tee $(BENCH_BUILD)/bench.log; \
		exit $$(cat $(BENCH_BUILD)/bench.status)

clean:
	rm -rf build
	$(Q)$(MAKE) -s -C tools/testing clean

-include $(OBJS:.o=.d)
