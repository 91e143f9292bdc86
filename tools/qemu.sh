#!/usr/bin/env bash
# Start QEMU for this kernel. Usage: tools/qemu.sh MODE "CMDLINE" [extra qemu args]
#   MODE run   interactive: x86-64 boots the GRUB ISO (command line baked in
#              by `make iso`), arm64 boots the Image; serial on the terminal
#              (Ctrl-A X quits QEMU)
#   MODE test  non-interactive: x86-64 boots the ELF through its PVH note;
#              serial on stdout, input from stdin
#   MODE gdb   like run, but QEMU waits for gdb on :1234 (-s -S)
# Environment: ARCH (x86_64|arm64), MEM (e.g. 512M), SMP (CPU count),
#   X86_BOOT (iso|pvh) to choose how x86-64 boots, MACHINE (arm64: virt or
#   raspi3b).
# The initramfs (build/<arch>/initramfs.cpio, `make initramfs`) is passed
# with -initrd to -kernel boots when it exists; the ISO carries its own copy
# as a GRUB module2.
set -euo pipefail

mode=$1
cmdline=${2:-}
shift 2 || shift $#
ARCH=${ARCH:-x86_64}
MEM=${MEM:-512M}
SMP=${SMP:-2}
B=${BUILD:-build/$ARCH}	# BUILD: another build directory (make bench: DEBUG=0)
initrd=()
[ -f "$B/initramfs.cpio" ] && initrd=(-initrd "$B/initramfs.cpio")

case $ARCH in
x86_64)
	# -cpu max: SMEP, SMAP, PCID and 1 GiB pages, which the kernel uses.
	q=(qemu-system-x86_64 -M pc -cpu max -m "$MEM" -smp "$SMP" -no-reboot
	   -device isa-debug-exit,iobase=0xf4,iosize=0x04)
	# X86_BOOT=iso boots GRUB (the default for run), pvh boots the ELF
	# directly (the default for test and gdb).
	boot=${X86_BOOT:-$([ "$mode" = run ] && echo iso || echo pvh)}
	if [ "$boot" = iso ]; then
		q+=(-cdrom "$B/kernel.iso")
	else
		q+=(-kernel "$B/kernel.elf" -append "$cmdline" "${initrd[@]}")
	fi
	;;
arm64)
	q=(qemu-system-aarch64 -M virt,gic-version=2 -cpu cortex-a72 -m "$MEM"
	   -smp "$SMP" -semihosting -kernel "$B/Image" -append "semihosting $cmdline"
	   "${initrd[@]}")
	# MACHINE=raspi3b (issue 6): the same Image on QEMU's Raspberry Pi 3
	# (fixed 1 GiB and 4 cores, so MEM and SMP do not apply) with the real
	# Pi 3 device tree. Its stdout-path is the mini UART, QEMU's second
	# serial port: the first (PL011) goes to null, the mode's -serial
	# below becomes the second.
	if [ "${MACHINE:-virt}" = raspi3b ]; then
		q=(qemu-system-aarch64 -M raspi3b -dtb tools/testing/data/bcm2837-rpi-3-b.dtb
		   -semihosting -kernel "$B/Image" -append "semihosting $cmdline"
		   "${initrd[@]}" -serial null)
	fi
	;;
*)
	echo "qemu.sh: unknown ARCH $ARCH" >&2
	exit 2
	;;
esac

case $mode in
run) q+=(-display none -serial mon:stdio) ;;
gdb) q+=(-display none -serial mon:stdio -s -S) ;;
test) q+=(-display none -serial stdio -monitor none) ;;
esac
exec "${q[@]}" "$@"
