#!/usr/bin/env bash
# The ceiling of `bench claims`' claim-vs-mpmath ratios: the same primitives, at 256 bits, in
# raw C MPFR and in mpmath (whatever backend it finds; this machine's is pure Python), timed in
# one run. A claim that computes what its mpmath twin computes, with the same algorithm, cannot
# beat these ratios: transcendental-bound kernels are held near the exp ratio, arithmetic-bound
# ones near the multiply-add ratio (BigFloat adds 1.3-1.6x over raw C, see `bench bigfloat`).
# Needs gcc, libmpfr-dev and mpmath (`python3 -m pip install mpmath`).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/ceiling.c" <<'C'
#include <mpfr.h>
#include <stdio.h>
#include <time.h>
static double seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }
int main(void) {
  enum { n = 200000 };
  mpfr_t x, y, s;
  mpfr_inits2(256, x, y, s, (mpfr_ptr)0);
  mpfr_set_zero(s, 1);
  double t = seconds();
  for (int i = 0; i < n; i++) {
    mpfr_set_d(x, 0.3 + 1e-6 * i, MPFR_RNDN);
    mpfr_exp(y, x, MPFR_RNDN);
    mpfr_add(s, s, y, MPFR_RNDN);
  }
  double exp = (seconds() - t) / n;
  t = seconds();
  for (int i = 0; i < n; i++) {
    mpfr_set_d(x, 0.3 + 1e-6 * i, MPFR_RNDN);
    mpfr_mul(y, x, x, MPFR_RNDN);
    mpfr_add(s, s, y, MPFR_RNDN);
  }
  printf("%.9f %.9f\n", exp, (seconds() - t) / n);
  return 0;
}
C
gcc -O2 "$work/ceiling.c" -lmpfr -lgmp -o "$work/ceiling"
read -r c_exp c_muladd < <("$work/ceiling")
read -r py_exp py_muladd < <(python3 - <<'PY'
import time, mpmath
mpmath.mp.prec = 256
xs = [mpmath.mpf(0.3 + 1e-6 * i) for i in range(20000)]
s = mpmath.mpf(0)
t = time.process_time()
for x in xs: s += mpmath.exp(x)
e = (time.process_time() - t) / len(xs)
t = time.process_time()
for x in xs: s += x * x
print(e, (time.process_time() - t) / len(xs))
PY
)
python3 - "$c_exp" "$c_muladd" "$py_exp" "$py_muladd" <<'PY'
import sys
c_exp, c_muladd, py_exp, py_muladd = map(float, sys.argv[1:])
import mpmath.libmp
print(f"mpmath backend: {mpmath.libmp.BACKEND}")
print(f"exp at 256 bits:     C MPFR {c_exp*1e6:.3f} us, mpmath {py_exp*1e6:.3f} us")
print(f"x*x + s at 256 bits: C MPFR {c_muladd*1e6:.3f} us, mpmath {py_muladd*1e6:.3f} us")
print(f"mpfr-vs-mpmath: exp {py_exp/c_exp:.1f}")
print(f"mpfr-vs-mpmath: mul-add {py_muladd/c_muladd:.1f}")
PY
