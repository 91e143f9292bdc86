# Top-level build. `make [ARCH=x86_64|arm64]` builds build/<arch>/;
# `make run`, `make test`, `make gdb`, `make bench` are described in README.md.

ARCH ?= x86_64
MEM ?= 512M
SMP ?= 2
CMDLINE ?=
BUILD := build/$(ARCH)
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
	-fno-stack-protector -fno-common -fno-builtin -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/$(ARCH)/include $(ARCH_CFLAGS) -MMD -MP
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

test-host:
	$(Q)$(MAKE) -s -C tools/testing run

clean:
	rm -rf build
	$(Q)$(MAKE) -s -C tools/testing clean

-include $(OBJS:.o=.d)
