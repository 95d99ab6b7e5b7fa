#pragma once

/// The reference loop of `bench bigfloat`: `acc += a * b`, `iterations` times, at `precision`
/// bits, calling MPFR directly with one temporary (what a careful C programmer writes).
/// `a` and `b` are decimal strings; returns the final `acc` rounded to double as a sanity value.
double cbench_mpfr_accumulate(long iterations, long precision, const char *a, const char *b);
