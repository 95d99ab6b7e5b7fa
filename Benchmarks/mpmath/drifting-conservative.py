"""drifting-conservative: the first Taylor step of C1b's flow with its variational equation.

On R^{Nd} (N = 4 particles in d = 2, M = 5 data points, h = 7/10, sent by the bench):
x' = F(x), F_i = grad log S_P(x_i) - grad_z log S_Q(z)|_{z = x_i} with S_Q over every particle
(own kernel included); M' = DF(x) M, M(0) = I; L' = sum_i [Lap log S_P - Lap_z log S_Q
- d/(h^2 S_Q)](x_i); L0' the same without the last term. With mu(z) = sum_j w_j c_j / sum_j w_j,
w_j = exp(-|z - c_j|^2/(2h^2)), the score is (mu - z)/h^2, d mu/dz = Cov_w(c)/h^2 and
d mu/dc_k = w_k/W [I + (c_k - mu)(z - c_k)^T/h^2], which give DF in closed form. The Taylor
coefficients to order K = 56 come from recording the field once on a tape of jet operations and
computing coefficient k of every operation from the lower ones ((k+1) y_{k+1} = [f(y)]_k), then
y(h) = sum_k y_k h^k at h = T/8 = 1/16 (the claim's step). Prints
sum_k (k+1) v_k over x(h), log det M(h), L(h), L0(h).
"""
from harness import rational, run
from mpmath import det, exp, log, matrix, mp, mpf


class Tape:
    def __init__(self):
        self.nodes = []

    def add(self, node):
        self.nodes.append(node)
        return node


class Jet:
    """A node of the tape: its Taylor coefficients so far and how coefficient k is formed (a
    "var" is a state variable, whose coefficients the integrator sets)."""

    def __init__(self, tape, op, args, value):
        self.tape, self.op, self.args, self.c = tape, op, args, [value]
        tape.add(self)

    def coefficient(self, k):
        op, a = self.op, self.args
        if op == "const":
            return mp.zero
        if op == "add":
            return a[0].c[k] + a[1].c[k]
        if op == "sub":
            return a[0].c[k] - a[1].c[k]
        if op == "cmul":
            return a[1] * a[0].c[k]
        if op == "cadd":
            return a[0].c[k]
        if op == "mul":
            x, y = a[0].c, a[1].c
            return mp.fdot(x[:k + 1], y[k::-1])
        if op == "div":
            x, y = a[0].c, a[1].c
            return (x[k] - mp.fdot(self.c[:k], y[k:0:-1])) / y[0]
        if op == "exp":
            u = a[0].c
            return mp.fdot([i * u[i] for i in range(1, k + 1)], self.c[k - 1::-1]) / k
        raise ValueError(op)

    def __add__(self, o):
        if isinstance(o, Jet):
            return Jet(self.tape, "add", (self, o), self.c[0] + o.c[0])
        return Jet(self.tape, "cadd", (self, o), self.c[0] + o)

    __radd__ = __add__

    def __sub__(self, o):
        if isinstance(o, Jet):
            return Jet(self.tape, "sub", (self, o), self.c[0] - o.c[0])
        return Jet(self.tape, "cadd", (self, -o), self.c[0] - o)

    def __rsub__(self, o):
        return (-self) + o

    def __neg__(self):
        return Jet(self.tape, "cmul", (self, mpf(-1)), -self.c[0])

    def __mul__(self, o):
        if isinstance(o, Jet):
            return Jet(self.tape, "mul", (self, o), self.c[0] * o.c[0])
        return Jet(self.tape, "cmul", (self, o), self.c[0] * o)

    __rmul__ = __mul__

    def __truediv__(self, o):
        if isinstance(o, Jet):
            return Jet(self.tape, "div", (self, o), self.c[0] / o.c[0])
        return self * (1 / mpf(o))

    def __rtruediv__(self, o):
        return Jet(self.tape, "div", (constant(self.tape, o), self), o / self.c[0])

    def exp(self):
        return Jet(self.tape, "exp", (self,), exp(self.c[0]))


def constant(tape, value):
    return Jet(tape, "const", (), mpf(value))


def total(terms):
    s = terms[0]
    for t in terms[1:]:
        s = s + t
    return s


def kernel_sum(centres, z, h2):
    """w_j, W, mu, grad S, Lap S at z over centres (jets or numbers)."""
    d = len(z)
    w, r2s = [], []
    for c in centres:
        offset = [c[a] - z[a] for a in range(d)]
        r2 = total([o * o for o in offset])
        r2s.append((offset, r2))
        w.append((r2 * (-1 / (2 * h2))).exp())
    big_w = total(w)
    inverse = 1 / big_w
    tilde = [wj * inverse for wj in w]
    mu = [total([tilde[j] * centres[j][a] for j in range(len(centres))]) for a in range(d)]
    gradient = [total([w[j] * r2s[j][0][a] for j in range(len(centres))]) * (1 / h2) for a in range(d)]
    laplacian = total([w[j] * (r2s[j][1] * (1 / (h2 * h2)) - d / h2) for j in range(len(centres))])
    return w, big_w, inverse, tilde, mu, gradient, laplacian


def field(y, data, n, d, h2):
    size = n * d
    x = y[:size]
    points = [x[i * d:(i + 1) * d] for i in range(n)]
    velocity, jacobian = [], [[None] * size for _ in range(size)]
    divergence, without_self = [], []
    for i, z in enumerate(points):
        _, big_p, _, tp, mu_p, grad_p, lap_p = kernel_sum(data, z, h2)
        _, big_q, _, tq, mu_q, grad_q, lap_q = kernel_sum(points, z, h2)
        for a in range(d):
            velocity.append((mu_p[a] - z[a]) * (1 / h2) - (mu_q[a] - z[a]) * (1 / h2))
        # d s/dz = (Cov_w/h^2 - I)/h^2 for both sums, at the same z: the identities cancel.
        dp = [[total([tp[j] * (data[j][a] - mu_p[a]) * (data[j][b] - mu_p[b]) for j in range(len(data))])
               for b in range(d)] for a in range(d)]
        dq = [[total([tq[j] * (points[j][a] - mu_q[a]) * (points[j][b] - mu_q[b]) for j in range(n)])
               for b in range(d)] for a in range(d)]
        for k in range(n):
            for a in range(d):
                for b in range(d):
                    # -(1/h^2) d mu_Q/dc_k, plus the z-derivatives on the diagonal block.
                    entry = tq[k] * ((1 if a == b else 0) + (points[k][a] - mu_q[a]) * (z[b] - points[k][b]) * (1 / h2))
                    entry = entry * (-1 / h2)
                    if k == i:
                        entry = entry + (dp[a][b] - dq[a][b]) * (1 / (h2 * h2))
                    jacobian[i * d + a][k * d + b] = entry
        data_lap = lap_p / big_p - total([g * g for g in grad_p]) / (big_p * big_p)
        model_lap = lap_q / big_q - total([g * g for g in grad_q]) / (big_q * big_q)
        without_self.append(data_lap - model_lap)
        divergence.append(data_lap - model_lap - d / (h2 * big_q))
    m = y[size:size + size * size]
    product = [total([jacobian[r][s] * m[s * size + c] for s in range(size)])
               for r in range(size) for c in range(size)]
    return velocity + product + [total(divergence), total(without_self)]


def compute(instance):
    d = instance["dimension"]
    data = [[rational(e) for e in p] for p in instance["data"]]
    start = [rational(e) for e in instance["start"]]
    h = rational(instance["bandwidth"])
    h2 = h * h
    order, step = instance["order"], rational(instance["step"])
    size = len(start)
    n = size // d
    y0 = start + [mpf(1) if r == c else mp.zero for r in range(size) for c in range(size)] + [mp.zero, mp.zero]
    tape = Tape()
    variables = [Jet(tape, "var", (), v) for v in y0]
    derivative = field(variables, data, n, d, h2)
    nodes = [node for node in tape.nodes if node.op != "var"]
    for k in range(1, order + 1):
        for v, f in zip(variables, derivative):
            v.c.append(f.c[k - 1] / k)
        if k == order:
            break
        for node in nodes:
            node.c.append(node.coefficient(k))
    state = []
    for v in variables:
        s = v.c[order]
        for k in range(order - 1, -1, -1):
            s = s * step + v.c[k]
        state.append(s)
    m = matrix(size, size)
    for r in range(size):
        for c in range(size):
            m[r, c] = state[size + r * size + c]
    values = state[:size] + [log(det(m)), state[-2], state[-1]]
    return mp.fsum((k + 1) * v for k, v in enumerate(values))


run(compute)
