"""transformer-depth-limit: the sensitivity S(L) of the attention stack to every layer's values.

X^{l+1} = X^l + F_l(X^l)/L, F_l(X) = A(X) X V_l^T, A = row softmax of X M(l/L) X^T,
M(t) = M0 + t M1, V_l = V0 + (l/L) V1 (n = 4 tokens, d = 3, sent by the bench), and
S(L) = (1/n) sum_l sum_ab |dX^L/dV_{l,ab}|_F^2 at L = 64. One reverse sweep per entry of X^L:
P^L the unit matrix of that entry, dX^L/dV_l = (1/L) P^{l+1 T} A(X^l) X^l and
P^l = P^{l+1} + (1/L) J_l^T P^{l+1}, with J^T P = A^T P V + G X M^T + G^T X M,
G_ij = a_ij (w_ij - sum_k a_ik w_ik), w = P V X^T (the softmax drift's vector-Jacobian
product). Prints S(L).
"""
from harness import rational, run
from mpmath import exp, matrix, mp


def read(spec):
    m = matrix(spec["rows"], spec["columns"])
    for k, e in enumerate(spec["entries"]):
        m[k // spec["columns"], k % spec["columns"]] = rational(e)
    return m


def softmax_rows(s):
    a = matrix(s.rows, s.cols)
    for i in range(s.rows):
        e = [exp(s[i, j]) for j in range(s.cols)]
        total = mp.fsum(e)
        for j in range(s.cols):
            a[i, j] = e[j] / total
    return a


def compute(instance):
    depth = instance["depth"]
    x, m0, m1, v0, v1 = (read(instance[k]) for k in ("x0", "m0", "m1", "v0", "v1"))
    n, d = x.rows, x.cols
    step = mp.one / depth
    layers = []
    for l in range(depth):
        t = mp.mpf(l) / depth
        m, v = m0 + t * m1, v0 + t * v1
        a = softmax_rows(x * m * x.T)
        layers.append((x, a, m, v))
        x = x + (a * x * v.T) * step
    total = mp.zero
    for r in range(n):
        for c in range(d):
            p = matrix(n, d)
            p[r, c] = 1
            for x, a, m, v in reversed(layers):
                g_v = (p.T * a * x) * step
                total += mp.fsum(e * e for e in g_v)
                w = p * v * x.T
                g = matrix(n, n)
                for i in range(n):
                    mean = mp.fsum(a[i, k] * w[i, k] for k in range(n))
                    for j in range(n):
                        g[i, j] = a[i, j] * (w[i, j] - mean)
                p = p + (a.T * p * v + g * x * m.T + g.T * x * m) * step
    return total / n


run(compute)
