#!/usr/bin/env bash
# The ceiling of `bench claims`' claim-vs-mpmath ratios: the primitives the kernels are made
# of, at 256 bits, in raw C (MPFR, and Arb where BigFloat uses Arb) and in mpmath (whatever
# backend it finds; this machine's is pure Python), timed in one run. A claim that computes
# what its mpmath twin computes, with the same algorithm, cannot beat these ratios:
#
# - exp: MPFR's `mpfr_exp`, and Arb's `arb_exp` at p + 24 bits rounded by `arf_get_mpfr` (the
#   route of BigFloat's elementary functions, `BigFloat+ArbRounding.swift`), against
#   `mpmath.exp`: the ceiling of transcendental-bound kernels (chow-rule).
# - mul-add: one `x·x + s`, against mpmath's `s += x * x` (interpreter-bound).
# - cauchy-sum: the Taylor coefficients' Cauchy sums `Σ_{j ≤ k} x_j y_{k−j}`, k = 0…56 (a
#   product of two order-56 jets), by `mpfr_mul` and `mpfr_add` per term, against
#   `mpmath.fdot` on the same slices (the twins' jet products), per term: the ceiling of
#   the Taylor kernels (drifting-conservative), whose twins sum with `fdot`.
# - dot: the same sums by Arb's `arb_dot` at p + 32 bits (the route of a BigFloat matrix
#   product, `BigFloat+MatrixProduct.swift`), per term, against `fdot`.
#
# BigFloat adds 1.2-1.6x over raw C (`bench bigfloat`). Needs gcc, libmpfr-dev,
# libflint-arb-dev and mpmath (`python3 -m pip install mpmath`).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/ceiling.c" <<'C'
#include <arb.h>
#include <mpfr.h>
#include <stdio.h>
#include <time.h>
enum { order = 56, length = order + 1, sums = 2000 };
static double seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }
int main(void) {
  enum { n = 200000 };
  mpfr_t x, y, s, p, a[length], b[length];
  mpfr_inits2(256, x, y, s, p, (mpfr_ptr)0);
  mpfr_set_zero(s, 1);
  double t = seconds();
  for (int i = 0; i < n; i++) {
    mpfr_set_d(x, 0.3 + 1e-6 * i, MPFR_RNDN);
    mpfr_exp(y, x, MPFR_RNDN);
    mpfr_add(s, s, y, MPFR_RNDN);
  }
  double exp = (seconds() - t) / n;
  arb_t ax, ay;
  arb_init(ax);
  arb_init(ay);
  t = seconds();
  for (int i = 0; i < n; i++) {
    mpfr_set_d(x, 0.3 + 1e-6 * i, MPFR_RNDN);
    arf_set_mpfr(arb_midref(ax), x);
    arb_exp(ay, ax, 256 + 24);
    arf_get_mpfr(y, arb_midref(ay), MPFR_RNDN);
    mpfr_add(s, s, y, MPFR_RNDN);
  }
  double arbExp = (seconds() - t) / n;
  t = seconds();
  for (int i = 0; i < n; i++) {
    mpfr_set_d(x, 0.3 + 1e-6 * i, MPFR_RNDN);
    mpfr_mul(y, x, x, MPFR_RNDN);
    mpfr_add(s, s, y, MPFR_RNDN);
  }
  double mulAdd = (seconds() - t) / n;
  // Series whose coefficients fall geometrically, as a Taylor step's do.
  arb_ptr ua = _arb_vec_init(length), ub = _arb_vec_init(length);
  for (int j = 0; j < length; j++) {
    mpfr_init2(a[j], 256);
    mpfr_init2(b[j], 256);
    mpfr_set_d(a[j], (j % 3 ? 1.0 : -1.0) / (1.0 + j), MPFR_RNDN);
    mpfr_mul_2si(a[j], a[j], -2 * j, MPFR_RNDN);
    mpfr_set_d(b[j], 1.0 / (3.0 + j), MPFR_RNDN);
    mpfr_sqrt(b[j], b[j], MPFR_RNDN);
    mpfr_mul_2si(b[j], b[j], -2 * j, MPFR_RNDN);
    arf_set_mpfr(arb_midref(ua + j), a[j]);
    arf_set_mpfr(arb_midref(ub + j), b[j]);
  }
  double terms = (double)sums * length * (length + 1) / 2;
  t = seconds();
  for (int r = 0; r < sums; r++) {
    for (int k = 0; k <= order; k++) {
      mpfr_mul(s, a[0], b[k], MPFR_RNDN);
      for (int j = 1; j <= k; j++) {
        mpfr_mul(p, a[j], b[k - j], MPFR_RNDN);
        mpfr_add(s, s, p, MPFR_RNDN);
      }
    }
  }
  double cauchy = (seconds() - t) / terms;
  t = seconds();
  for (int r = 0; r < sums; r++) {
    for (int k = 0; k <= order; k++) {
      arb_dot(ay, NULL, 0, ua, 1, ub + k, -1, k + 1, 256 + 32);
      arf_get_mpfr(s, arb_midref(ay), MPFR_RNDN);
    }
  }
  double dot = (seconds() - t) / terms;
  printf("%.9f %.9f %.9f %.12f %.12f\n", exp, arbExp, mulAdd, cauchy, dot);
  return 0;
}
C
gcc -O2 "$work/ceiling.c" -I/usr/include/flint -lflint-arb -lflint -lmpfr -lgmp -o "$work/ceiling"
read -r c_exp c_arb_exp c_muladd c_cauchy c_dot < <("$work/ceiling")
read -r py_exp py_muladd py_fdot < <(python3 - <<'PY'
import time, mpmath
mpmath.mp.prec = 256
xs = [mpmath.mpf(0.3 + 1e-6 * i) for i in range(20000)]
s = mpmath.mpf(0)
t = time.process_time()
for x in xs: s += mpmath.exp(x)
e = (time.process_time() - t) / len(xs)
t = time.process_time()
for x in xs: s += x * x
m = (time.process_time() - t) / len(xs)
order, sums = 56, 40
a = [mpmath.mpf((1 if j % 3 else -1) / (1 + j)) * mpmath.mpf(2) ** (-2 * j) for j in range(order + 1)]
b = [mpmath.sqrt(mpmath.mpf(1) / (3 + j)) * mpmath.mpf(2) ** (-2 * j) for j in range(order + 1)]
t = time.process_time()
for _ in range(sums):
    for k in range(order + 1):
        s = mpmath.fdot(a[:k + 1], b[k::-1])
f = (time.process_time() - t) / (sums * (order + 1) * (order + 2) / 2)
print(e, m, f)
PY
)
python3 - "$c_exp" "$c_arb_exp" "$c_muladd" "$c_cauchy" "$c_dot" "$py_exp" "$py_muladd" "$py_fdot" <<'PY'
import sys
c_exp, c_arb_exp, c_muladd, c_cauchy, c_dot, py_exp, py_muladd, py_fdot = map(float, sys.argv[1:])
import mpmath.libmp
us, ns = 1e6, 1e9
print(f"mpmath backend: {mpmath.libmp.BACKEND}")
print(f"exp at 256 bits:        MPFR {c_exp*us:.3f} us, Arb {c_arb_exp*us:.3f} us, mpmath {py_exp*us:.3f} us")
print(f"x*x + s at 256 bits:    MPFR {c_muladd*ns:.1f} ns, mpmath {py_muladd*ns:.1f} ns")
print(f"Cauchy sums, per term:  MPFR mul+add {c_cauchy*ns:.1f} ns, Arb dot {c_dot*ns:.1f} ns, mpmath fdot {py_fdot*ns:.1f} ns")
print(f"mpfr-vs-mpmath: exp {py_exp/c_exp:.1f}")
print(f"arb-vs-mpmath: exp {py_exp/c_arb_exp:.1f}")
print(f"mpfr-vs-mpmath: mul-add {py_muladd/c_muladd:.1f}")
print(f"mpfr-vs-mpmath: cauchy-sum {py_fdot/c_cauchy:.1f}")
print(f"arb-vs-mpmath: dot {py_fdot/c_dot:.1f}")
PY
