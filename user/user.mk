# User space: newlib (tools/build-newlib.sh), the user library, programs of
# user/bin, tests of user/tests, benchmarks of user/bench and USER_EXTRA=DIR, and the initramfs
# (build/<arch>/initramfs.cpio, cpio "newc", written by tools/mkcpio.c).
# Included by the top Makefile, which sets ARCH, BUILD, CROSS and Q.

USER_EXTRA ?=
UBUILD := $(BUILD)/user
NEWLIB := build/newlib/$(ARCH)
INITRAMFS := $(BUILD)/initramfs.cpio
MKCPIO := build/tools/mkcpio

USER_CC := $(CROSS)gcc
USER_AR := $(CROSS)ar
USER_STRIP := $(CROSS)strip
USER_ARCH_CFLAGS := $(if $(filter arm64,$(ARCH)),-mno-outline-atomics)
USER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -fno-pie -fno-stack-protector \
	-nostdinc -isystem user/include -isystem $(NEWLIB)/include \
	-isystem $(shell $(USER_CC) -print-file-name=include) $(USER_ARCH_CFLAGS) -MMD -MP
USER_LDFLAGS := -static -nostdlib -no-pie -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments \
	-Wl,--build-id=none
USER_LIBS := -Wl,--start-group $(UBUILD)/libuser.a $(NEWLIB)/lib/libc.a \
	$(NEWLIB)/lib/libm.a $(shell $(USER_CC) -print-libgcc-file-name) -Wl,--end-group

USER_LIB_SRCS := $(wildcard user/lib/*.c) user/lib/crt0-$(ARCH).S
USER_LIB_OBJS := $(patsubst user/lib/%,$(UBUILD)/lib/%.o,$(basename $(filter %.c,$(USER_LIB_SRCS))))
USER_CRT0 := $(UBUILD)/lib/crt0-$(ARCH).o

# Every program source, and the /bin name it becomes.
USER_PROG_SRCS := $(wildcard user/bin/*.c user/tests/*.c user/bench/*.c) \
	$(if $(USER_EXTRA),$(wildcard $(USER_EXTRA)/*.c))
USER_PROGS := $(foreach s,$(USER_PROG_SRCS),$(UBUILD)/bin/$(notdir $(basename $(s))))

.PHONY: initramfs newlib
initramfs: $(INITRAMFS)

# The script is its own cache; the stamp changes only when it rebuilds.
$(NEWLIB)/stamp: FORCE
	$(Q)tools/build-newlib.sh $(ARCH)
newlib: $(NEWLIB)/stamp

$(UBUILD)/lib/%.o: user/lib/%.c $(NEWLIB)/stamp
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c $< -o $@

$(UBUILD)/lib/%.o: user/lib/%.S
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(UBUILD)/libuser.a: $(USER_LIB_OBJS)
	$(Q)rm -f $@ && $(USER_AR) rcs $@ $^

# One rule per program: its object depends on its own source wherever it
# is. debug/<name> keeps the symbols (for gdb); the ramdisk gets bin/<name>,
# stripped.
define user_prog
$(UBUILD)/obj/$(notdir $(basename $(1))).o: $(1) $(NEWLIB)/stamp
	@mkdir -p $$(dir $$@)
	$$(Q)$$(USER_CC) $$(USER_CFLAGS) -c $$< -o $$@
$(UBUILD)/debug/$(notdir $(basename $(1))): $(UBUILD)/obj/$(notdir $(basename $(1))).o \
		$(USER_CRT0) $(UBUILD)/libuser.a
	@mkdir -p $$(dir $$@)
	$$(Q)$$(USER_CC) $$(USER_LDFLAGS) -o $$@ $(USER_CRT0) $$< $$(USER_LIBS)
endef
$(foreach s,$(USER_PROG_SRCS),$(eval $(call user_prog,$(s))))

$(UBUILD)/bin/%: $(UBUILD)/debug/%
	@mkdir -p $(dir $@)
	$(Q)$(USER_STRIP) -o $@ $<

$(MKCPIO): tools/mkcpio.c
	@mkdir -p $(dir $@)
	$(Q)gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o $@ $<

# The program list is part of the archive: rebuild when USER_EXTRA changes.
$(UBUILD)/progs.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(USER_PROGS)' | cmp -s - $@ || echo '$(USER_PROGS)' > $@

$(INITRAMFS): $(MKCPIO) $(USER_PROGS) $(UBUILD)/progs.stamp
	$(Q)$(MKCPIO) $@ -d /bin -d /dev -d /etc -d /proc -d /sys -d /tmp \
		$(foreach p,$(USER_PROGS),-f /bin/$(notdir $(p))=$(p))
	@echo "  CPIO    $@"

-include $(USER_LIB_OBJS:.o=.d) $(USER_CRT0:.o=.d) \
	$(foreach p,$(USER_PROGS),$(UBUILD)/obj/$(notdir $(p)).d)
