"""Shared driver of the `bench claims` mpmath scripts.

The bench writes the instance as JSON on standard input: `bits` (mp.prec), `repetitions`, and
the claim's data with every number an exact rational string "p/q". `run(compute)` sets the
precision, times `compute(instance)` (best of at least `repetitions` calls in processor
seconds, `time.process_time`, since the machine is shared; a fast computation is called until
the calls add up to `budget` seconds, so its best call is one the other core left alone) and
prints two lines: the value in fixed notation to 70 significant digits, then the best seconds.
"""
import json
import sys
import time
from fractions import Fraction

try:
    from mpmath import mp, mpf
except ImportError:
    sys.stderr.write("mpmath is missing: python3 -m pip install mpmath\n")
    sys.exit(3)


def rational(text):
    """The exact rational `text` ("p/q" or "p") rounded once to the working precision."""
    q = Fraction(text)
    return mpf(q.numerator) / q.denominator


def run(compute):
    instance = json.load(sys.stdin)
    mp.prec = instance["bits"]
    best, total, calls = float("inf"), 0.0, 0
    value = None
    while calls < instance["repetitions"] or total < instance["budget"]:
        start = time.process_time()
        value = compute(instance)
        elapsed = time.process_time() - start
        best, total, calls = min(best, elapsed), total + elapsed, calls + 1
    print(mp.nstr(value, 70, min_fixed=-mp.inf, max_fixed=mp.inf))
    print(best)
