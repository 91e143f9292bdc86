#!/usr/bin/env bash
# `make rpi4-sdcard`: build/arm64/rpi4-sdcard.img, an SD card image for a
# Raspberry Pi 4: an MBR partition table with one bootable FAT32 partition
# holding the firmware (start4.elf, fixup4.dat), its configuration
# (boot/rpi/config.txt, cmdline.txt), the device tree, kernel8.img (the
# arm64 Image) and the initramfs. Write it with dd (docs/rpi4.md).
#
# The firmware comes from Debian's raspi-firmware package (component
# non-free-firmware), fetched once through a private apt root under
# build/rpi-firmware/ (the host's apt configuration is not touched) from
# the mirror the host already uses, and cached there. The device tree is
# the repository's copy (tools/testing/data/), so later runs work offline.
# No loop mounts, no root: sfdisk, mkfs.vfat and mtools on plain files.
set -euo pipefail
cd "$(dirname "$0")/.."

B=build/arm64
FW=build/rpi-firmware
OUT=$B/rpi4-sdcard.img
PART_MIB=64			# FAT32 needs >= 65525 clusters: 64 MiB of 512 B clusters
PART_START=2048			# sectors: the partition starts at 1 MiB
DTB=tools/testing/data/bcm2711-rpi-4-b.dtb

for f in "$B/Image" "$B/initramfs.cpio"; do
	[ -f "$f" ] || { echo "mk-rpi4-sdcard: $f missing (make ARCH=arm64 kernel initramfs)" >&2; exit 1; }
done

# The first deb.debian.org-style mirror the host's apt sources name.
host_mirror() {
	local m
	m=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -v security | head -1)
	[ -n "$m" ] || m=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p' \
		/etc/apt/sources.list 2>/dev/null | grep -v security | head -1)
	echo "${m:-http://deb.debian.org/debian}"
}

fetch_firmware() {
	local apt=$FW/apt deb
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
	echo "deb $(host_mirror) bookworm non-free-firmware" >"$apt/sources.list"
	local opts=(-o Dir::Etc::sourcelist="$PWD/$apt/sources.list"
		-o Dir::Etc::sourceparts=/nonexistent
		-o Dir::State::Lists="$PWD/$apt/lists"
		-o Dir::Cache="$PWD/$apt/cache"
		-o APT::Sandbox::User=root -o APT::Architecture=arm64)
	echo "  FETCH   raspi-firmware ($(host_mirror) non-free-firmware)"
	apt-get -q "${opts[@]}" update >"$FW/apt.log" 2>&1
	(cd "$FW" && apt-get -q "${opts[@]}" download raspi-firmware >>apt.log 2>&1)
	deb=$(ls "$FW"/raspi-firmware_*.deb | head -1)
	rm -rf "$FW/root"
	dpkg-deb -x "$deb" "$FW/root"
}

mkdir -p "$FW"
if [ ! -f "$FW/root/usr/lib/raspi-firmware/start4.elf" ]; then
	if ! fetch_firmware; then
		echo "mk-rpi4-sdcard: cannot fetch raspi-firmware, see $FW/apt.log" >&2
		exit 1
	fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
part=$tmp/part.img

# The FAT32 file system, as a file of its own.
truncate -s ${PART_MIB}M "$part"
mkfs.vfat -F 32 -n RPI4BOOT "$part" >/dev/null
cp "$B/Image" "$tmp/kernel8.img"
mcopy -i "$part" \
	"$FW/root/usr/lib/raspi-firmware/start4.elf" \
	"$FW/root/usr/lib/raspi-firmware/fixup4.dat" \
	boot/rpi/config.txt boot/rpi/cmdline.txt \
	"$DTB" "$tmp/kernel8.img" "$B/initramfs.cpio" ::

# The disk: MBR, one bootable FAT32 (LBA) partition, then the file system.
rm -f "$OUT"
truncate -s $((PART_MIB + 1))M "$OUT"
echo "start=$PART_START, size=$((PART_MIB * 2048)), type=c, bootable" |
	sfdisk -q --label dos "$OUT" >/dev/null
dd if="$part" of="$OUT" bs=512 seek=$PART_START conv=notrunc,sparse status=none
echo "  SDCARD  $OUT (partition at byte $((PART_START * 512)): mdir -i $OUT@@$((PART_START * 512)))"
