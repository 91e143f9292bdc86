#!/usr/bin/env bash
# Build the uthread library (user/lib/uthread*.c), the thread and SMP tests
# (user/tests/t_thread*, t_smp*, t_tlb*) and, with -b, the benchmarks
# (user/bench/b_*) with the host's gcc and glibc, and run them: they are
# plain Linux programs, so a failure here is the test's or the library's,
# not our kernel's. Output: TAP of every test (bench lines with -b).
# Usage: user/bench/host.sh [-b] [OUTDIR]   (default build/host-user)
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=0
if [ "${1:-}" = -b ]; then bench=1; shift; fi
out=${1:-build/host-user}
mkdir -p "$out/include"
ln -sf "$PWD/user/include/uthread.h" "$out/include/uthread.h"
cflags=(-std=gnu11 -O2 -g -Wall -Wextra -Werror -static -I "$out/include")
lib=(user/lib/uthread.c user/lib/uthread_sync.c)
status=0
progs=(user/tests/t_thread*.c user/tests/t_smp*.c user/tests/t_tlb*.c)
[ $bench = 1 ] && progs=(user/bench/b_*.c)
for src in "${progs[@]}"; do
	[ -e "$src" ] || continue
	name=$(basename "$src" .c)
	gcc "${cflags[@]}" -o "$out/$name" "$src" "${lib[@]}"
	echo "# $name"
	"$out/$name" || status=1
done
exit $status
