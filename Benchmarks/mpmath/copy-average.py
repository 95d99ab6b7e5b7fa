"""copy-average: the population loss of an erf(z/sqrt 2) student through the arcsine kernel.

L = 1/2 sum_{k,l} c_k c_l g(u_k, u_l), g(u, v) = (2/pi) asin(u.v / sqrt((1 + |u|^2)(1 + |v|^2))),
over the units u_k of teacher (output -1) and student (outputs a), d = 5, 4 teacher units,
2 student units (sent by the bench). Prints L.
"""
from harness import rational, run
from mpmath import asin, matrix, mp, sqrt


def compute(instance):
    units = [(matrix([rational(e) for e in v]), -1) for v in instance["teacher"]]
    units += [
        (matrix([rational(e) for e in w]), rational(a))
        for w, a in zip(instance["students"], instance["outputs"])
    ]

    def dot(x, y):
        return (x.T * y)[0]

    def pair(x, y):
        return 2 / mp.pi * asin(dot(x, y) / sqrt((1 + dot(x, x)) * (1 + dot(y, y))))

    total = mp.zero
    for x, p in units:
        for y, q in units:
            total += p * q * pair(x, y)
    return total / 2


run(compute)
