#!/usr/bin/env bash
# Issue 24, item 3: every parameter value `verify list` declares should run in at most 60 s
# (release, one core). Each line below is a claim at the costly end of its declared ranges
# (sizes, counts, horizons, depths at their maxima; other parameters at their defaults); each
# runs pinned to one core and prints
#
#     limit: <name> <processor seconds | over N s> <verdict> <claim and settings>
#
# The limit is on processor time (user + system), which a busy second core does not inflate;
# an instance still running after twice the limit in wall-clock time is stopped and shown as
# over it.
# A verdict other than pass is shown as the claim reports it: an instance at a range's end may
# honestly be inconclusive (a control the instance cannot tell apart) or fail a statement that
# is about the instance. Usage: Benchmarks/declared-limits.sh [SECONDS] [NAME...]
set -uo pipefail
limit=${1:-60}
shift || true
cd "$(dirname "$0")/.."
swift build -c release --product verify --scratch-path .build-release >/dev/null || exit 1
verify=.build-release/release/verify
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

instances() {
  cat <<'LIST'
frobenius frobenius-imbalance --set scale=4 --set widths=12,12,12,12,12,12,12 --set samples=64 --set activation=swish
hamiltonian-stiff hamiltonian-dissipation --set eps=100 --set scale=1/1000 --set gamma=10 --set m=8 --set n=8
hamiltonian-sizes hamiltonian-dissipation --set m=8 --set n=8 --set features=8 --set particles=8
hamiltonian-eps hamiltonian-dissipation --set eps=1/1000000
ema ema-scaling --set kappas=2,4,8,16,32,64 --set etaMin=10 --set etaMax=15 --set kappa1=64
chow chow-rule --set classes=6 --set p=1,2,3,4,5,6,7,8,9,10,11,12 --set eta=1,2,3,1,2,1,2,2,2,2,1,1,3,1,1,1,2,2,5,1,1,1,1,1,1,1,1,1,1,5,2,2,2,2,1,1,1,2,3,1,2,1,2,2,2,2,1,1,3,1,1,1,2,2,5,1,1,1,1,1,1,1,1,1,1,5,2,2,2,2,1,1 --set expert=9,5,1,3,7,8
copy-average-mc copy-average --set mc_log2n=22
copy-average-order copy-average --set order_k=16 --set order_n=14 --set concavity_m=200
copy-average-partition copy-average --set ca_partition=2,2,2,2,2,2,2,2 --set ca_partition2=4,4,4,4 --set ca_d=16
copy-average-students copy-average --set ac_k=10 --set ac_d=16 --set scm_k=8 --set scm_d=16 --set one_k=12 --set one_d=16 --set relu_k=12 --set relu_d=16 --set g_partition=12,4 --set g_d=16
muon muon-counterexample --set horizon=20000 --set ef_horizons=128,256,512,1024,2048,4096,8192,16384 --set ef_any_T=16384 --set mat_horizons=125,250,500,1000,2000,4000 --set mat_m=6 --set mat_n=6 --set mat_k=8 --set red_n=6 --set red_c=1,1/2,3/4,1,1,1 --set red_a=1/3,-1/5,1/7,1/2,1/9,-1/3 --set red_diag=1,2,-1/2,1,1,1 --set red_T=1000
mixture gaussian-mixture-conditioning --set mix=1/4,0,0,1,3/5,1,1/4,2,-1,1/2,-1/5,4/5,1/4,-3/2,3/2,7/10,3/10,2/5,1/4,1,1,1,0,1 --set ys=3/10,-5/2,6/5,1 --set xs=-1,1/2,2,3 --set mix2=3/5,1/2,0,1,1,3/10,-1/5,1,1/10,1/2,2/5,-1,1,-1/2,3/5,-1/10,1/5,4/5,0,9/10,1/5,0,0,0,1,0,0,1,0,1 --set deltas=1/10,1/100,1/1000,1/10000,1/100000 --set y_tail=0,-3,-9/2,-6,-8
latent latent-generator-matching --set states=10 --set phi=0,0,1,1,2,2,3,3,4,4 --set phi_nonproj=0,1,2,3,4,4,3,2,1,0 --set times=1/4,1/2,1,2 --set gauss_times=1/2,1,2,3 --set rate_scale=4
transformer-depths transformer-depth-limit --set n=8 --set d=4 --set depths=8,16,32,64,128,256,512,1024 --set sDepths=128,256,512,1024
transformer-monte-carlo transformer-depth-limit --set replicates=2000 --set heads=1,4,16,64 --set mcDepths=64,256,1024
drift-planar drifting-conservative --set M=12 --set N=12 --set K=12 --set trapN=2048,4096 --set center=10,10
drift-flow drifting-conservative --set dim=4 --set divM=8 --set divN=8 --set flowSteps=64 --set extrap=32
drift-rates drifting-conservative --set rateDims=1,2,3,5,8,12,16,20 --set latticeDims=1,2,3,4,5,6 --set latticeRatios=1/4,1/2,1,2,4,8
LIST
}

instances | while read -r name claim settings; do
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  # shellcheck disable=SC2086
  /usr/bin/time -o "$out/$name.time" -f "%U %S" taskset -c 0 timeout "$((2 * limit))" "$verify" "$claim" $settings \
    --output "$out/$name" >"$out/$name.log" 2>&1
  seconds=$(tail -1 "$out/$name.time" | awk '{ printf "%.2f", $1 + $2 }')
  verdict=$(cut -f1 "$out/$name.log" | grep -E '^(pass|fail|inconclusive|proved)$' | head -1)
  if [ -z "$verdict" ]; then
    if grep -q "^verify: " "$out/$name.log"; then verdict="usage-error"; else verdict="over"; fi
  fi
  if [ "$verdict" = over ] || awk -v s="$seconds" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
    seconds="over $limit s ($seconds)"
  fi
  echo "limit: $name $seconds $verdict $claim $settings" | cut -c1-160
done
