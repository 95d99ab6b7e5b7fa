#include "cbench.h"
#include <gmp.h>
#include <mpfr.h>

double cbench_mpfr_accumulate(long iterations, long precision, const char *a, const char *b) {
  mpfr_t acc, x, y, t;
  mpfr_inits2(precision, acc, x, y, t, (mpfr_ptr)0);
  mpfr_set_zero(acc, 1);
  mpfr_set_str(x, a, 10, MPFR_RNDN);
  mpfr_set_str(y, b, 10, MPFR_RNDN);
  for (long i = 0; i < iterations; i++) {
    mpfr_mul(t, x, y, MPFR_RNDN);
    mpfr_add(acc, acc, t, MPFR_RNDN);
  }
  double result = mpfr_get_d(acc, MPFR_RNDN);
  mpfr_clears(acc, x, y, t, (mpfr_ptr)0);
  return result;
}
