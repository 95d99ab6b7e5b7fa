"""chow-rule: the minimiser of the logistic DR-CPE risk by Newton, and the risk there.

Per input x: Newton from s = 0 on f(s) = ((W+ + W-) sigma(s) - W+)/2, f'(s) =
(W+ + W-) sigma(s)(1 - sigma(s))/2, until |step| <= 16 eps |s| + 4 eps (as Newton.solve); then
R(s*) = 1/2 sum_x [W+ ln(1 + e^-s) + W- ln(1 + e^s)]. 8 inputs, W+- sent by the bench.
Prints sum_x (x+1) s*(x) + R(s*).
"""
from harness import rational, run
from mpmath import exp, log1p, mp


def sigmoid(s):
    return 1 / (1 + exp(-s))


def compute(instance):
    checksum = risk = mp.zero
    for x, (p, m) in enumerate(zip(instance["plus"], instance["minus"])):
        w_plus, w_minus = rational(p), rational(m)
        total = w_plus + w_minus
        s = mp.zero
        for _ in range(100):
            sig = sigmoid(s)
            step = ((total * sig - w_plus) / 2) / (total * sig * (1 - sig) / 2)
            s -= step
            if abs(step) <= 16 * mp.eps * abs(s) + 4 * mp.eps:
                break
        checksum += (x + 1) * s
        risk += w_plus * log1p(exp(-s)) + w_minus * log1p(exp(s))
    return checksum + risk / 2


run(compute)
