#!/usr/bin/env bash
# `make test`: host unit tests, then boot tests of both architectures in
# QEMU. Every TAP line ("ok"/"not ok") and every boot check counts as one
# test; the last line is "N passed, N failed". Logs: build/test-logs/.
set -uo pipefail
cd "$(dirname "$0")/.."

LOGS=build/test-logs
mkdir -p "$LOGS"
passed=0
failed=0
failures=()

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1${2:+ ($2)}"; }

# Count the TAP results in file $2 under the name prefix $1.
count_tap() {
	local prefix=$1 file=$2 line
	while IFS= read -r line; do
		line=${line%$'\r'}
		case $line in
		"ok "*) pass "$prefix: ${line#ok }" ;;
		"not ok "*) fail "$prefix: ${line#not ok }" ;;
		esac
	done <"$file"
}

# QEMU's exit status for kernel exit code $2 on arch $1.
qemu_status() {
	if [ "$2" -eq 0 ]; then echo 0
	elif [ "$1" = x86_64 ]; then echo $((($2 << 1) | 1))
	else echo "$2"; fi
}

# boot ARCH NAME CMDLINE EXIT_CODE STDIN [qemu args...]: boot (at most
# BOOT_TIMEOUT seconds, default 120), save the log,
# check the exit status; returns 0 if it matched.
boot() {
	local arch=$1 name=$2 cmdline=$3 code=$4 input=$5 status want
	shift 5
	want=$(qemu_status "$arch" "$code")
	printf '%b' "$input" | ARCH=$arch MEM=${MEM:-512M} SMP=${SMP:-2} timeout ${BOOT_TIMEOUT:-400} \
		tools/qemu.sh test "$cmdline" "$@" >"$LOGS/$arch-$name.log" 2>&1
	status=$?
	if [ "$status" -ne "$want" ]; then
		fail "$arch: $name exits $want" "got $status, see $LOGS/$arch-$name.log"
		return 1
	fi
	pass "$arch: $name exits $want"
}

# expect ARCH NAME PATTERN...: each fixed string must appear in the log.
expect() {
	local arch=$1 name=$2 p
	shift 2
	for p in "$@"; do
		if grep -qF -- "$p" "$LOGS/$arch-$name.log"; then
			pass "$arch: $name prints '$p'"
		else
			fail "$arch: $name prints '$p'" "see $LOGS/$arch-$name.log"
		fi
	done
}

# The banner must come within 1 s of boot (kernel clock, QEMU time).
banner_time() {
	local arch=$1 name=$2 us
	us=$(sed -n 's/.*Boot: banner reached at \([0-9]*\) us.*/\1/p' "$LOGS/$arch-$name.log" | head -1)
	if [ -n "$us" ] && [ "$us" -lt 1000000 ]; then
		pass "$arch: $name banner within 1 s ($us us)"
	else
		fail "$arch: $name banner within 1 s" "got '${us:-none}'"
	fi
}

# No block driver registers a device yet (kernel/block.c): every boot says so.
NO_SWAP="swap: no block device, running without swap"

echo "== host unit tests (ASan + UBSan)"
if make -s -C tools/testing all >"$LOGS/host-build.log" 2>&1; then
	for t in build/host/*; do
		n=$(basename "$t")
		"$t" >"$LOGS/host-$n.log" 2>&1
		status=$?
		count_tap "host $n" "$LOGS/host-$n.log"
		if [ $status -ne 0 ] && ! grep -q "^not ok" "$LOGS/host-$n.log"; then
			fail "host $n: runs to completion" "exit $status, see $LOGS/host-$n.log"
		fi
	done
else
	fail "host tests build" "see $LOGS/host-build.log"
fi

for arch in x86_64 arm64; do
	echo "== $arch"
	if ! make -s ARCH=$arch kernel >"$LOGS/$arch-build.log" 2>&1; then
		fail "$arch: kernel builds" "see $LOGS/$arch-build.log"
		continue
	fi
	pass "$arch: kernel builds with -Werror"

	boot $arch selftest "selftest" 0 ""
	count_tap "$arch selftest" "$LOGS/$arch-selftest.log"
	expect $arch selftest "Memory: " "pages free" "# selftest:" "$NO_SWAP"
	banner_time $arch selftest

	boot $arch fault "selftest=kernel_page_fault_oops" 2 ""
	if [ $arch = x86_64 ]; then regs=(RIP CR2); else regs=("esr: " "far: " "pc : "); fi
	expect $arch fault "Oops:" "fault address: " "${regs[@]}" "Kernel panic" "Call trace:"

	# ---- lock debugging: each check fires ----
	for d in "recursive_spinlock:recursive locking of spinlock test_outer" \
		"order_inversion:lock order inversion: taking test_outer (rank 40) while holding test_inner" \
		"sleep_under_spinlock:sleeping while holding spinlock test_outer" \
		"sleep_with_interrupts_off:sleeping with interrupts disabled"; do
		boot $arch "lockdep-${d%%:*}" "selftest=lockdep_${d%%:*}_panics" 2 ""
		expect $arch "lockdep-${d%%:*}" "Kernel panic: lock debugging: ${d#*:}"
	done
	# Lock debugging is silent everywhere else.
	if grep -l "lock debugging" "$LOGS/$arch-selftest.log" >/dev/null; then
		fail "$arch: lock debugging silent in the self-tests" "see $LOGS/$arch-selftest.log"
	else
		pass "$arch: lock debugging silent in the self-tests"
	fi

	boot $arch console-input "init=/bin/nonexistent" 0 "\nmem\nuptime\npoweroff\n"
	expect $arch console-input "cannot run /bin/nonexistent" "kmon> " "free blocks per order" "timer ticks"

	if [ $arch = x86_64 ]; then
		boot x86_64 smap "selftest=x86_smap_stray_user_access_oops" 2 ""
		expect x86_64 smap "Oops:" "SMAP"
		if make -s ARCH=x86_64 iso CMDLINE="selftest" >"$LOGS/x86_64-iso.log" 2>&1; then
			X86_BOOT=iso boot x86_64 grub "" 0 ""
			expect x86_64 grub "via multiboot2" "Memory: " "# selftest:"
		else
			fail "x86_64: GRUB ISO builds" "see $LOGS/x86_64-iso.log"
		fi
	else
		# The Pi 4's entry (EL2, as its firmware enters) and counter
		# frequency (54 MHz): the kernel reads CNTFRQ, never assumes it.
		boot arm64 el2-entry "selftest" 0 "" -M virt,gic-version=2,virtualization=on \
			-cpu cortex-a72,cntfrq=54000000
		count_tap "arm64 el2-entry selftest" "$LOGS/arm64-el2-entry.log"
		expect arm64 el2-entry "entered at EL2" "arch_timer: 54000000 Hz counter" "# selftest:"
	fi
done

# ---- user tests: user/tests/t_* through /bin/runtests,
# init's exit status as QEMU's, and the shell on the console. ----
for arch in x86_64 arm64; do
	echo "== $arch user space"
	if ! make -s ARCH=$arch kernel initramfs >"$LOGS/$arch-user-build.log" 2>&1; then
		fail "$arch: user programs and initramfs build" "see $LOGS/$arch-user-build.log"
		continue
	fi
	pass "$arch: user programs and initramfs build with -Werror"

	boot $arch runtests "init=/bin/runtests" 0 ""
	count_tap "$arch user" "$LOGS/$arch-runtests.log"
	expect $arch runtests "# runtests: done"
	if grep -q "lock debugging" "$LOGS/$arch-runtests.log"; then
		fail "$arch: lock debugging silent in the user tests" "see $LOGS/$arch-runtests.log"
	else
		pass "$arch: lock debugging silent in the user tests"
	fi

	boot $arch init-false "init=/bin/false" 1 ""

	boot $arch shell "" 0 "\necho hello\nls /bin | cat\nexit 0\n"
	expect $arch shell "\$ " "hello" "runtests"
done

# ---- Raspberry Pi: the arm64 Image built above on
# QEMU raspi3b (the real Pi 3 device tree: mini UART console, bcm2836
# local + armctrl interrupt controllers, 4 cores on the spin table, no PSCI,
# 1 GiB), and the Pi 4 SD card image (make rpi4-sdcard). ----

# check_image_header NAME FILE: the arm64 Image header of booting.rst:
# magic "ARM\x64" at 0x38, text_offset 0x80000, flags little endian + 4 KiB.
check_image_header() {
	local name=$1 f=$2 magic off flags
	magic=$(dd if="$f" bs=1 skip=56 count=4 status=none)
	off=$(od -An -t u8 -j 8 -N 8 "$f" | tr -d ' ')
	flags=$(od -An -t u8 -j 24 -N 8 "$f" | tr -d ' ')
	# flags bit 0: big endian; bits 2:1: page size (1 = 4 KiB).
	if [ "$magic" = "ARMd" ] && [ "$off" = 524288 ] && [ -n "$flags" ] &&
		[ $(( flags & 1 )) -eq 0 ] && [ $(( (flags >> 1) & 3 )) -eq 1 ]; then
		pass "arm64: $name has a valid Image header (text_offset 0x80000, LE, 4K)"
	else
		fail "arm64: $name has a valid Image header" "magic '$magic' text_offset '$off' flags '$flags'"
	fi
}

echo "== arm64 raspi3b"
if [ -f build/arm64/Image ] && [ -f build/arm64/initramfs.cpio ]; then
	MACHINE=raspi3b boot arm64 raspi3b-selftest "selftest" 0 ""
	count_tap "arm64 raspi3b selftest" "$LOGS/arm64-raspi3b-selftest.log"
	expect arm64 raspi3b-selftest "entered at EL2" "bcm2836-l1-intc" \
		"bcm2835-armctrl-ic: chained" "function 2" "arch_timer: " "Memory: 960 MiB" "# selftest:" \
		"$NO_SWAP"

	MACHINE=raspi3b boot arm64 raspi3b-runtests "init=/bin/runtests" 0 ""
	count_tap "arm64 raspi3b user" "$LOGS/arm64-raspi3b-runtests.log"
	expect arm64 raspi3b-runtests "# runtests: done"
	if grep -q "lock debugging" "$LOGS/arm64-raspi3b-runtests.log"; then
		fail "arm64: lock debugging silent in the raspi3b user tests"
	else
		pass "arm64: lock debugging silent in the raspi3b user tests"
	fi

	MACHINE=raspi3b boot arm64 raspi3b-shell "" 0 "\necho hello\nexit 0\n"
	expect arm64 raspi3b-shell "\$ " "hello"
else
	fail "arm64: raspi3b boots" "no build/arm64/Image or initramfs"
fi

echo "== rpi4-sdcard"
sd=build/arm64/rpi4-sdcard.img
if make -s rpi4-sdcard >"$LOGS/rpi4-sdcard.log" 2>&1 && [ -f "$sd" ]; then
	pass "rpi4-sdcard: image builds"
	# The FAT partition starts at 1 MiB (tools/mk-rpi4-sdcard.sh).
	mdir -b -i "$sd@@1048576" >"$LOGS/rpi4-sdcard-files.log" 2>&1
	for f in kernel8.img config.txt initramfs.cpio start4.elf fixup4.dat bcm2711-rpi-4-b.dtb; do
		if grep -qx "::/$f" "$LOGS/rpi4-sdcard-files.log"; then
			pass "rpi4-sdcard: partition holds $f"
		else
			fail "rpi4-sdcard: partition holds $f" "see $LOGS/rpi4-sdcard-files.log"
		fi
	done
	for kv in arm_64bit=1 enable_uart=1 kernel=kernel8.img kernel_address=0x80000 \
		"initramfs initramfs.cpio followkernel"; do
		if mtype -i "$sd@@1048576" ::config.txt | grep -qx "$kv"; then
			pass "rpi4-sdcard: config.txt sets $kv"
		else
			fail "rpi4-sdcard: config.txt sets $kv"
		fi
	done
	k8=$(mktemp)
	mcopy -n -i "$sd@@1048576" ::kernel8.img "$k8" 2>/dev/null
	check_image_header kernel8.img "$k8"
	if cmp -s "$k8" build/arm64/Image; then
		pass "rpi4-sdcard: kernel8.img is the Image QEMU booted"
	else
		fail "rpi4-sdcard: kernel8.img is the Image QEMU booted"
	fi
	rm -f "$k8"
else
	fail "rpi4-sdcard: image builds" "see $LOGS/rpi4-sdcard.log"
fi

# ---- SMP and threads: the thread/SMP tests on the
# host (glibc) first, then /bin/runtests with SMP=4, and the thread/SMP tests
# (t_thread*, t_smp*, t_tlb*) many times in a row through /bin/repeat on
# each architecture: REPEAT_SMP2 (default 20) times with SMP=2 and
# REPEAT_SMP4 (default 5, to keep `make test` short on a 2-core host:
# 4 vCPUs there are slow) with SMP=4. ----
echo "== host: thread and SMP tests (glibc)"
user/bench/host.sh build/host-user >"$LOGS/host-threads.log" 2>&1
status=$?
count_tap "host threads" "$LOGS/host-threads.log"
if [ $status -ne 0 ] && ! grep -q "^not ok" "$LOGS/host-threads.log"; then
	fail "host threads: build and run" "exit $status, see $LOGS/host-threads.log"
fi
for arch in x86_64 arm64; do
	echo "== $arch SMP"
	[ -f build/$arch/initramfs.cpio ] || continue
	SMP=4 BOOT_TIMEOUT=300 boot $arch runtests-smp4 "init=/bin/runtests" 0 ""
	count_tap "$arch smp4 user" "$LOGS/$arch-runtests-smp4.log"
	expect $arch runtests-smp4 "# runtests: done"
	for smp in 2 4; do
		[ $smp = 2 ] && n=${REPEAT_SMP2:-20} || n=${REPEAT_SMP4:-5}
		SMP=$smp BOOT_TIMEOUT=$((60 + 20 * n)) boot $arch repeat-smp$smp \
			"init=/bin/repeat $n t_thread t_smp t_tlb" 0 ""
		count_tap "$arch smp$smp x$n" "$LOGS/$arch-repeat-smp$smp.log"
	done
done

echo
if [ $failed -ne 0 ]; then
	echo "Failures:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
