"""hamiltonian-dissipation: the trajectory of the damped Hamiltonian flow, by mpmath's odefun.

dW_i/dt = grad Psi_eps(P_i) = U diag(s / sqrt(s^2 + eps)) V for the SVD P_i = U diag(s) V,
dP_i/dt = -sum_j (mbar_j - b_j)(1 - tanh^2(u_j^T W_i v_j)) u_j v_j^T - gamma P_i,
mbar_j = (1/N) sum_i tanh(u_j^T W_i v_j), for the default dynamics instance (two 3x2 particles,
three features, eps = 1/4, gamma = 7/10, sent by the bench) from t = 0 to 1/4, with odefun's
Taylor method of degree 20 at tolerance 1e-30 (the claim's order and local tolerance; odefun
finds the coefficients by finite differences of Euler steps at raised precision). Prints
sum_k (k+1) y_k over the state at t = 1/4 (W_1, W_2, P_1, P_2 row-major).
"""
from harness import rational, run
from mpmath import diag, matrix, mp, odefun, sqrt, svd_r, tanh


def compute(instance):
    rows, columns = instance["rows"], instance["columns"]
    size = rows * columns
    eps, gamma = rational(instance["epsilon"]), rational(instance["damping"])
    u = [matrix([rational(e) for e in x]) for x in instance["left"]]
    v = [matrix([rational(e) for e in x]) for x in instance["right"]]
    b = [rational(e) for e in instance["target"]]
    forms = [uj * vj.T for uj, vj in zip(u, v)]
    n = len(instance["positions"])

    def shaped(flat):
        m = matrix(rows, columns)
        for k, e in enumerate(flat):
            m[k // columns, k % columns] = e
        return m

    def field(t, y):
        w = [shaped(y[i * size:(i + 1) * size]) for i in range(n)]
        p = [shaped(y[(n + i) * size:(n + i + 1) * size]) for i in range(n)]
        pre = [[(uj.T * wi * vj)[0] for uj, vj in zip(u, v)] for wi in w]
        mean = [mp.fsum(tanh(pre[i][j]) for i in range(n)) / n for j in range(len(b))]
        out = []
        for pi in p:
            us, s, vs = svd_r(pi)
            out += list(us * diag([si / sqrt(si * si + eps) for si in s]) * vs)
        for i, pi in enumerate(p):
            force = matrix(rows, columns)
            for j, form in enumerate(forms):
                force += ((mean[j] - b[j]) * (1 - tanh(pre[i][j]) ** 2)) * form
            out += list(-force - gamma * pi)
        return out

    start = [rational(e) for x in instance["positions"] + instance["momenta"] for e in x]
    flow = odefun(field, 0, start, tol=rational(instance["tolerance"]), degree=instance["order"])
    end = flow(rational(instance["horizon"]))
    return mp.fsum((k + 1) * e for k, e in enumerate(end))


run(compute)
