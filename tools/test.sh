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

# boot ARCH NAME CMDLINE EXIT_CODE STDIN [qemu args...]: boot, save the log,
# check the exit status; returns 0 if it matched.
boot() {
	local arch=$1 name=$2 cmdline=$3 code=$4 input=$5 status want
	shift 5
	want=$(qemu_status "$arch" "$code")
	printf '%b' "$input" | ARCH=$arch MEM=${MEM:-512M} SMP=${SMP:-2} timeout 120 \
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
	expect $arch selftest "Memory: " "pages free" "# selftest:"
	banner_time $arch selftest

	boot $arch fault "selftest=kernel_page_fault_oops" 2 ""
	if [ $arch = x86_64 ]; then regs=(RIP CR2); else regs=("esr: " "far: " "pc : "); fi
	expect $arch fault "Oops:" "fault address: " "${regs[@]}" "Kernel panic"

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
		boot arm64 el2-entry "selftest" 0 "" -M virt,gic-version=2,virtualization=on
		expect arm64 el2-entry "# selftest:"
	fi
done

# ---- user tests (userland engineer): user/tests/t_* through /bin/runtests,
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

	boot $arch init-false "init=/bin/false" 1 ""

	boot $arch shell "" 0 "\necho hello\nls /bin | cat\nexit 0\n"
	expect $arch shell "\$ " "hello" "runtests"
done

echo
if [ $failed -ne 0 ]; then
	echo "Failures:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
