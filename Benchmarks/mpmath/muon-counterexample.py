"""muon-counterexample: EF-Muon on f(W) = sum_i |u_i^T W v_i - c_i|, c_i = u_i^T A v_i.

3x2 matrices, 4 terms (u_i, v_i, A sent by the bench), W_0 = 0, beta = 1/4,
L = sum_i |u_i| |v_i|, 64 steps of gamma = 1/64:
M_t = beta M_{t-1} + (1 - beta) G_t, P_t = E_t + gamma M_t, W_{t+1} = W_t - gamma L msign(P_t),
E_{t+1} = P_t - gamma L msign(P_t), msign by the SVD (singular values above
max(m, n) sigma_1 eps count as 1). Prints sum_k (k+1) x_k over the entries of W_64, then E_64.
"""
from harness import rational, run
from mpmath import diag, matrix, mp, norm, svd_r


def msign(p):
    u, s, v = svd_r(p)
    tolerance = max(p.rows, p.cols) * s[0] * mp.eps
    return u * diag([1 if si > tolerance else 0 for si in s]) * v


def compute(instance):
    rows, columns = instance["rows"], instance["columns"]
    u = [matrix([rational(e) for e in x]) for x in instance["left"]]
    v = [matrix([rational(e) for e in x]) for x in instance["right"]]
    a = matrix(rows, columns)
    for k, e in enumerate(instance["target"]):
        a[k // columns, k % columns] = rational(e)
    forms = [ui * vi.T for ui, vi in zip(u, v)]
    offsets = [mp.fsum(f[i, j] * a[i, j] for i in range(rows) for j in range(columns)) for f in forms]
    lipschitz = mp.fsum(norm(ui) * norm(vi) for ui, vi in zip(u, v))
    beta, gamma = rational(instance["beta"]), rational(instance["step"])
    w = matrix(rows, columns)
    momentum, memory = matrix(rows, columns), matrix(rows, columns)
    for _ in range(instance["steps"]):
        g = matrix(rows, columns)
        for form, offset in zip(forms, offsets):
            r = mp.fsum(form[i, j] * w[i, j] for i in range(rows) for j in range(columns)) - offset
            if r > 0:
                g += form
            elif r < 0:
                g -= form
        momentum = beta * momentum + (1 - beta) * g
        p = memory + gamma * momentum
        d = (gamma * lipschitz) * msign(p)
        w = w - d
        memory = p - d
    checksum, index = mp.zero, 1
    for m in (w, memory):
        for i in range(rows):
            for j in range(columns):
                checksum += index * m[i, j]
                index += 1
    return checksum


run(compute)
