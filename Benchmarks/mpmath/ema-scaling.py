"""ema-scaling: the exact moment recursion of SGD + EMA on the linear model.

m_{k+1} = M m_k + u, P_{k+1} = M P_k M^T + (sigma^2/B) w w^T with
M = [[1 - eta a, eta c], [(1 - rho)(1 - eta a), rho + (1 - rho) eta c]], u = (eta b, (1 - rho) eta b),
w = (-eta, -(1 - rho) eta), from m_0 = 0, P_0 = 0, for the base run of the finest C2 step
(eta = 2^-12, 8192 steps), which the bench sends, step by step (the claim takes the power of the
step's affine map by binary powering, MomentMap). The 2x2 products are written out in mpf
scalars (mpmath matrices would cost more per entry). Prints
E theta + 2 E zeta + 3 P11 + 4 P12 + 5 P22.
"""
from harness import rational, run
from mpmath import mp


def compute(instance):
    a, c, b = rational(instance["a"]), rational(instance["c"]), rational(instance["b"])
    eta, rho, noise = rational(instance["eta"]), rational(instance["rho"]), rational(instance["noise"])
    relax = 1 - rho
    m11, m12 = 1 - eta * a, eta * c
    m21, m22 = relax * m11, rho + relax * m12
    u1 = eta * b
    u2 = relax * u1
    w1, w2 = -eta, -relax * eta
    q11, q12, q22 = noise * w1 * w1, noise * w1 * w2, noise * w2 * w2
    x = y = p11 = p12 = p22 = mp.zero
    for _ in range(instance["steps"]):
        x, y = m11 * x + m12 * y + u1, m21 * x + m22 * y + u2
        a11, a12 = m11 * p11 + m12 * p12, m11 * p12 + m12 * p22
        a21, a22 = m21 * p11 + m22 * p12, m21 * p12 + m22 * p22
        p11, p12, p22 = a11 * m11 + a12 * m12 + q11, a11 * m21 + a12 * m22 + q12, a21 * m21 + a22 * m22 + q22
    return x + 2 * y + 3 * p11 + 4 * p12 + 5 * p22


run(compute)
