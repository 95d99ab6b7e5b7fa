"""gaussian-mixture-conditioning: C2's L1 norms of differences of one-dimensional Gaussian sums.

p = sum_k pi_k N((x, y); mu_k, S_k) from `mix` (pi, mx, my, Sxx, Sxy, Syy per component,
weights normalised), q_delta with component 1's mean moved by delta * shift, at y = y_lip. Each
conditions exactly: m_k = mx + Sxy/Syy (y - my), v_k = Sxx - Sxy^2/Syy, joint weight
pi_k N(y; my, Syy). Per delta, |C(p)(.|y) - C(q)(.|y)|_1 and |p(., y) - q(., y)|_1 of the
sums sum_j c_j N(x; m_j, v_j) (terms of equal (m, v) merged) as L1Norm computes them: scan
[-L, L] in steps of 1/50 for sign changes, refine each by bracketed Newton, sum |integral| over
the pieces by erfc (the tail forms), L = 14 doubled until the tail mass outside [-L, L] is at
most 1e-38 of the norm. Prints sum_k (k+1) norm_k in that order.
"""
from fractions import Fraction

from harness import run
from mpmath import erfc, exp, mp, mpf, pi, sqrt


def real(q):
    return mpf(q.numerator) / q.denominator


class GaussianSum:
    def __init__(self, terms):
        merged = {}
        for c, m, v in terms:
            merged[(m, v)] = merged.get((m, v), mp.zero) + c
        self.terms = [(c, real(m), sqrt(2 * real(v)), c / sqrt(2 * pi * real(v))) for (m, v), c in merged.items()]

    def derivatives(self, x):
        f = f1 = mp.zero
        for _, mean, scale, amplitude in self.terms:
            u = (x - mean) / scale
            e = amplitude * exp(-u * u)
            f += e
            f1 -= e * 2 * u / scale
        return f, f1

    def integral(self, a, b):
        total = mp.zero
        for c, mean, scale, _ in self.terms:
            alpha = None if a is None else (a - mean) / scale
            beta = None if b is None else (b - mean) / scale
            upper = lambda z: mp.zero if z is None else erfc(z)
            lower = lambda z: mp.zero if z is None else erfc(-z)
            if alpha is not None and alpha >= 0:
                mass = (upper(alpha) - upper(beta)) / 2
            elif beta is not None and beta <= 0:
                mass = (lower(beta) - lower(alpha)) / 2
            else:
                mass = 1 - (lower(alpha) + upper(beta)) / 2
            total += c * mass
        return total

    def tail(self, a, b):
        return mp.fsum(abs(c) * (erfc(-(a - mean) / scale) + erfc((b - mean) / scale)) / 2
                       for c, mean, scale, _ in self.terms)


def newton(f, low, high):
    """A root of f in [low, high] (a sign change), Newton from the midpoint, bisecting when a
    step leaves the bracket, to the working precision."""
    f_low = f.derivatives(low)[0]
    x = (low + high) / 2
    for _ in range(200):
        value, slope = f.derivatives(x)
        if value == 0:
            return x
        if (value > 0) == (f_low > 0):
            low, f_low = x, value
        else:
            high = x
        step = value / slope if slope != 0 else None
        candidate = None if step is None else x - step
        if candidate is None or not (low < candidate < high):
            candidate = (low + high) / 2
        if abs(candidate - x) <= mp.eps * max(1, abs(x)) or high - low <= mp.eps * max(1, abs(x)):
            return candidate
        x = candidate
    return x


def l1_norm(f):
    half = Fraction(14)
    step = Fraction(1, 50)
    for _ in range(8):
        changes, signs, previous = [], [], None
        for i in range(int(2 * half / step) + 1):
            x = real(-half + i * step)
            y = f.derivatives(x)[0]
            if y == 0:
                continue
            sign = 1 if y > 0 else -1
            if previous is not None and previous[1] != sign:
                changes.append(newton(f, previous[0], x))
            previous = (x, sign)
        ends = [None] + changes + [None]
        value = mp.fsum(abs(f.integral(ends[k], ends[k + 1])) for k in range(len(ends) - 1))
        if f.tail(real(-half), real(half)) <= mpf(10) ** -38 * value:
            return value
        half *= 2
    raise ArithmeticError("scan-range guard failed")


def conditional(components, y):
    """Per component: (joint weight pi N(y; my, Syy), m, v)."""
    out = []
    for w, mx, my, sxx, sxy, syy in components:
        joint = real(w) * exp(-real((y - my) ** 2 / syy) / 2) / sqrt(2 * pi * real(syy))
        out.append((joint, mx + sxy / syy * (y - my), sxx - sxy * sxy / syy))
    return out


def sums(parts):
    marginal = mp.fsum(j for j, _, _ in parts)
    return [(j / marginal, m, v) for j, m, v in parts], parts


def compute(instance):
    entries = [Fraction(e) for e in instance["mix"]]
    rows = [entries[k:k + 6] for k in range(0, len(entries), 6)]
    total = sum(r[0] for r in rows)
    components = [[r[0] / total] + r[1:] for r in rows]
    y, shift = Fraction(instance["y"]), [Fraction(e) for e in instance["shift"]]
    density, slice_ = sums(conditional(components, y))
    norms = []
    for delta in (Fraction(e) for e in instance["deltas"]):
        moved = [list(c) for c in components]
        moved[0][1] += delta * shift[0]
        moved[0][2] += delta * shift[1]
        moved_density, moved_slice = sums(conditional(moved, y))
        for ours, theirs in ((density, moved_density), (slice_, moved_slice)):
            norms.append(l1_norm(GaussianSum(ours + [(-c, m, v) for c, m, v in theirs])))
    return mp.fsum((k + 1) * v for k, v in enumerate(norms))


run(compute)
