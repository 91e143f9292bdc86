#!/usr/bin/env bash
# `make gdb`: start QEMU halted with a gdb stub, attach gdb-multiarch with
# the kernel's symbols, and stop QEMU when gdb exits.
set -euo pipefail
ARCH=${ARCH:-x86_64}
B=build/$ARCH
case $ARCH in
x86_64) garch=i386:x86-64 ;;
arm64) garch=aarch64 ;;
esac
tools/qemu.sh gdb "${1:-}" </dev/null >"$B/gdb-serial.log" 2>&1 &
qpid=$!
trap 'kill $qpid 2>/dev/null || true' EXIT
echo "QEMU serial output goes to $B/gdb-serial.log"
gdb-multiarch -q -ex "set architecture $garch" -ex "file $B/kernel.elf" \
	-ex "target remote :1234" -ex "hbreak start_kernel" "$B/kernel.elf"
