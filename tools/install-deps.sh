#!/usr/bin/env bash
# Install the Debian packages the build, `make run` and `make test` need,
# but only those that are missing (a quick dpkg query when all are there).
set -euo pipefail

PKGS=(build-essential gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
      qemu-system-x86 qemu-system-arm grub-pc-bin grub-common xorriso mtools
      gdb-multiarch device-tree-compiler newlib-source
      fdisk dosfstools)	# make rpi4-sdcard: sfdisk, mkfs.vfat

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
