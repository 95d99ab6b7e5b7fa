#!/usr/bin/env bash
# Definitely-lost bytes of `verify all` and of the test suite, under LeakSanitizer.
#
# Both are built with AddressSanitizer (`swift build --sanitize=address`, whose runtime comes
# with the Swift toolchain; Debian's libclang-rt-14-dev has the same for clang) into their own
# scratch directory, .build-asan, so the normal build is untouched. At exit LeakSanitizer
# lists every heap block no pointer reaches any more; its "direct leak" blocks are valgrind's
# "definitely lost", and their bytes are what this prints (target: 0). Memory still reachable
# at exit (the Swift runtime's metadata caches, MPFR's constant caches) is not a leak.
#
#     Benchmarks/leaks.sh                # build, then measure both
#     Benchmarks/leaks.sh --no-build     # measure the binaries already built
#     Benchmarks/leaks.sh --valgrind     # also `verify all` under valgrind memcheck (slow)
#
# `verify all` runs at its default precision and seeds. Each report is kept in
# .build-asan/leaks-*.txt, with the stacks.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes valgrind=no
for argument in "$@"; do
  case "$argument" in
    --no-build) build=no ;;
    --valgrind) valgrind=yes ;;
    *) echo "usage: $0 [--no-build] [--valgrind]" >&2; exit 2 ;;
  esac
done
scratch=.build-asan
if [[ $build == yes ]]; then
  swift build --build-tests --sanitize=address --scratch-path "$scratch" >/dev/null
fi

# The bytes of the direct leaks in a LeakSanitizer report.
direct() { awk '/^Direct leak of/ { bytes += $4 } END { print bytes + 0 }' "$1"; }

# A small quarantine: freed memory is held back for use-after-free checks, which would make
# MemoryTests see resident memory grow.
export ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=16

"$scratch/debug/verify" all --quiet >/dev/null 2>"$scratch/leaks-verify-all.txt" || true
echo "verify all: definitely lost $(direct "$scratch/leaks-verify-all.txt") bytes (LeakSanitizer)"

swift test --skip-build --sanitize=address --scratch-path "$scratch" \
  >"$scratch/leaks-tests.txt" 2>&1 || true
echo "swift test: definitely lost $(direct "$scratch/leaks-tests.txt") bytes (LeakSanitizer)"

if [[ $valgrind == yes ]]; then
  # valgrind 3.19 cannot read the DWARF of Swift 6.3 binaries: strip the debug info first.
  swift build -c release --product verify >/dev/null
  stripped=$(mktemp)
  trap 'rm -f "$stripped"' EXIT
  strip --strip-debug -o "$stripped" .build/release/verify
  valgrind --leak-check=full "$stripped" all --quiet >/dev/null 2>"$scratch/leaks-valgrind.txt" || true
  lost=$(awk '/definitely lost:/ { gsub(",", "", $4); print $4 }' "$scratch/leaks-valgrind.txt")
  echo "verify all: definitely lost ${lost:-?} bytes (valgrind memcheck)"
fi
