#!/usr/bin/env bash
# Instructions executed per iteration of the loops of `bench bigfloat` (acc += a*b at 256 bits:
# raw C MPFR, BigFloat in place, BigFloat operators, setProduct + +=), and their ratios to C.
#
# Timing ratios on a shared machine are noisy; instruction counts are deterministic, so a
# speed claim can be checked with this script run twice. Counts are inclusive (the loop body
# and everything it calls, MPFR included) and divided by 5 runs x 10^6 iterations; the
# one-off setup of each run (parsing a and b) adds well under 0.1 per iteration.
#
# Needs valgrind (callgrind). valgrind 3.19 cannot read the DWARF of Swift 6.3 binaries, so
# the release binary is copied without debug info first (symbols are kept).
#
#     Benchmarks/instructions.sh            # build the release bench, then count
#     Benchmarks/instructions.sh --no-build # count the binary already built
#     PROFILE=/tmp/cg.out Benchmarks/instructions.sh   # also keep the profile, for
#                                           # `callgrind_annotate /tmp/cg.out` (where they go)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--no-build" ]]; then
  swift build -c release --product bench >/dev/null
fi
binary=.build/release/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/bench" "$binary"

# One callgrind run of the whole suite; the inclusive cost of each loop's function (the loop
# body and everything it calls) is read back with callgrind_annotate. The loops are C's
# function and the closures (inside `{ withPrecision { ... } }`) holding BigFloat's loops, in
# source order.
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/bench" bigfloat >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$work/callgrind.out" >"$work/annotated" 2>/dev/null
if [[ -n "${PROFILE:-}" ]]; then cp "$work/callgrind.out" "$PROFILE"; fi
cost() { # instructions per iteration of the function whose symbol matches the regex $1
  awk -v pattern="$1" '$0 ~ pattern { gsub(",", "", $1); printf "%.1f", $1 / 5e6; exit }' "$work/annotated"
}
c=$(cost ':cbench_mpfr_accumulate ')
i=$(cost ':\$s5Bench011runBigFloatA0yyFSdycfU0_SdyXEfU_ ')
o=$(cost ':\$s5Bench011runBigFloatA0yyFSdycfU1_SdyXEfU_ ')
p=$(cost ':\$s5Bench011runBigFloatA0yyFSdycfU2_SdyXEfU_ ')
if [[ -z "$c" || -z "$i" || -z "$o" || -z "$p" ]]; then
  echo "instructions.sh: a loop's symbol is missing from the profile (c='$c' inplace='$i' operators='$o' pair='$p')" >&2
  exit 1
fi
awk -v c="$c" -v i="$i" -v o="$o" -v p="$p" 'BEGIN {
  printf "c-mpfr              %7.1f instructions/iteration\n", c
  printf "bigfloat-inplace    %7.1f instructions/iteration  (x%.3f)\n", i, i / c
  printf "bigfloat-operators  %7.1f instructions/iteration  (x%.3f)\n", o, o / c
  printf "setProduct + +=     %7.1f instructions/iteration  (x%.3f)\n", p, p / c
}'
