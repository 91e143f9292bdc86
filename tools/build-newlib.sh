#!/usr/bin/env bash
# Build newlib 3.3.0 for user programs from Debian's newlib-source tarball.
# Usage: tools/build-newlib.sh ARCH   (x86_64 | arm64)
# Installs into build/newlib/<arch>/ (include/ and lib/); skipped when that
# install exists and was built by this script from the current user/include
# overrides (the headers that layer Linux values over newlib's with
# #include_next: newlib is compiled with them). Log: build/newlib/<arch>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=${1:?usage: build-newlib.sh x86_64|arm64}
case $arch in
x86_64) target=x86_64-elf; cross= ;;
arm64) target=aarch64-elf; cross=aarch64-linux-gnu- ;;
*) echo "build-newlib.sh: unknown arch $arch" >&2; exit 2 ;;
esac

root=$PWD
top=$root/build/newlib
prefix=$top/$arch
log=$top/$arch.log
overrides=$(grep -rl include_next user/include | sort)
stamp=$(cat "$0" $overrides | sha1sum | cut -d' ' -f1)
[ -f "$prefix/lib/libc.a" ] && [ "$(cat "$prefix/stamp" 2>/dev/null)" = "$stamp" ] && exit 0

# One build per arch at a time (parallel makes share build/): wait for
# the other one, then use its result if it is current.
mkdir -p "$top"
exec 9>"$top/$arch.lock"
flock 9
[ -f "$prefix/lib/libc.a" ] && [ "$(cat "$prefix/stamp" 2>/dev/null)" = "$stamp" ] && exit 0

tarball=$(ls /usr/src/newlib/newlib-*.tar.* 2>/dev/null | head -1)
if [ -z "$tarball" ]; then
	echo "build-newlib.sh: no newlib tarball in /usr/src/newlib (install newlib-source)" >&2
	exit 1
fi

echo "  NEWLIB  $arch (log: $log)"
mkdir -p "$top"
work=$top/$arch-build
rm -rf "$work" "$prefix.tmp"
mkdir -p "$work"
tar -C "$work" -xf "$tarball"
src=$(echo "$work"/newlib-*/)
mkdir -p "$work/obj"
(
	cd "$work/obj"
	"$src/configure" --target=$target --prefix="$prefix.tmp" \
		--disable-multilib --disable-nls --disable-newlib-supplied-syscalls \
		--enable-newlib-io-long-long --enable-newlib-io-c99-formats \
		CC_FOR_TARGET=${cross}gcc AR_FOR_TARGET=${cross}ar \
		AS_FOR_TARGET=${cross}as LD_FOR_TARGET=${cross}ld \
		NM_FOR_TARGET=${cross}nm RANLIB_FOR_TARGET=${cross}ranlib \
		OBJDUMP_FOR_TARGET=${cross}objdump \
		CFLAGS_FOR_TARGET="-O2 -g -fno-pie -fno-stack-protector -I$root/user/include"
	make -j"$(nproc)" all-target-newlib
	make install-target-newlib
) >"$log" 2>&1 || { echo "build-newlib.sh: $arch failed, see $log" >&2; exit 1; }

# The install puts everything under <prefix>/<target>/; flatten it.
rm -rf "$prefix"
mkdir -p "$prefix"
mv "$prefix.tmp/$target/include" "$prefix.tmp/$target/lib" "$prefix/"
rm -rf "$prefix.tmp" "$work"
echo "$stamp" >"$prefix/stamp"
