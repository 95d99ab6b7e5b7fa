"""latent-generator-matching: the law p_t of the chain with rates Q_t = A + tB by its Taylor series.

p_t = sum_k c_k t^k, (k+1) c_{k+1} = c_k A + c_{k-1} B, summed as terms tau_k = c_k t^k with
(k+1) tau_{k+1} = tau_k (tA) + tau_{k-1} (t^2 B) until two consecutive terms have max-norm below
2^-(p+10), at p + g + 16 bits, g = ceil((a t + b t^2/2)/ln 2) for a, b the largest absolute row
sums of A and B (the growth bound of the terms), then rounded to p bits, at each time on its own
(the claim finds the c_k once for every t <= 1 and evaluates each time by Horner's rule, LawSeries).
The default chain (6 states, seed 31) and the 48 Gauss-Legendre nodes on [0, 1] as exact
dyadic rationals are sent by the bench. Prints sum (k+1) p_{t_i}(y) over nodes and states.
"""
import math
from fractions import Fraction

from harness import rational, run
from mpmath import mp, mpf, workprec


def row_times(v, m):
    return [mp.fsum(v[i] * m[i][j] for i in range(len(v))) for j in range(len(m[0]))]


def law(a, b, initial, t, norms):
    bits = mp.prec
    time = float(abs(t))
    growth = norms[0] * time + norms[1] * time * time / 2
    guard = math.ceil(growth / math.log(2))
    with workprec(bits + guard + 16):
        t = mpf(t)
        step_a = [[mpf(e.numerator) / e.denominator * t for e in row] for row in a]
        step_b = [[mpf(e.numerator) / e.denominator * t * t for e in row] for row in b]
        tolerance = mpf(2) ** -(bits + 10)
        previous = [mp.zero] * len(initial)
        current = [mpf(e.numerator) / e.denominator for e in initial]
        total = list(current)
        k, small = 0, 0
        while small < 2:
            u, w = row_times(current, step_a), row_times(previous, step_b)
            previous, current = current, [(x + y) / (k + 1) for x, y in zip(u, w)]
            k += 1
            total = [s + c for s, c in zip(total, current)]
            small = small + 1 if max(abs(c) for c in current) < tolerance else 0
    return [+s for s in total]


def compute(instance):
    a = [[Fraction(e) for e in row] for row in instance["a"]]
    b = [[Fraction(e) for e in row] for row in instance["b"]]
    initial = [Fraction(e) for e in instance["initial"]]
    norms = [float(max(sum(abs(e) for e in row) for row in m)) for m in (a, b)]
    checksum, index = mp.zero, 1
    for time in instance["times"]:
        for p in law(a, b, initial, rational(time), norms):
            checksum += index * p
            index += 1
    return checksum


run(compute)
