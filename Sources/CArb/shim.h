// Arb 2.23 as Debian ships it (libflint-arb-dev): no pkg-config file, headers in /usr/include,
// the library named flint-arb. Ball arithmetic (arb.h) and its hypergeometric functions (erf,
// erfc, gamma, log-gamma); fmpq.h for exact rationals from GMP's mpq.
//
// MPFR and GMP come in through CMPFR's own header, which clang then imports as the module
// CMPFR: were arb.h to include mpfr.h textually, this module would own a second copy of MPFR's
// declarations, and Swift files importing only CMPFR could no longer see them.
#include "../CMPFR/shim.h"
#include <flint/fmpq.h>
#include <arb.h>
#include <arb_hypgeom.h>

// Read-only views of a ball's midpoint and radius: arb.h has them only as macros (which Swift
// does not import) and as arb_mid_ptr/arb_rad_ptr, which take a mutable ball.
static inline arf_srcptr carb_midref(arb_srcptr x) { return &x->mid; }
static inline mag_srcptr carb_radref(arb_srcptr x) { return &x->rad; }
