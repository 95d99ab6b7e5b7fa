"""frobenius-imbalance: the loss gradients of the biasless tanh MLP by back-propagation.

`grad W_l = (1/n) sum_p delta_l h_{l-1}^T`, squared loss `1/2 |y_hat - y|^2`, for the claim's
default instance (widths 3,4,3,1, 5 samples, seed 1, scale 4/5), which the bench sends. Prints
the checksum `sum_k (k+1) g_k` over all gradient entries, layers in order, row-major.
"""
from harness import rational, run
from mpmath import matrix, mp, tanh


def compute(instance):
    weights = [matrix(w["rows"], w["columns"]) for w in instance["weights"]]
    for w, spec in zip(weights, instance["weights"]):
        for k, e in enumerate(spec["entries"]):
            w[k // spec["columns"], k % spec["columns"]] = rational(e)
    inputs = [matrix([rational(e) for e in x]) for x in instance["inputs"]]
    targets = [matrix([rational(e) for e in y]) for y in instance["targets"]]
    depth = len(weights)
    gradients = [matrix(w.rows, w.cols) for w in weights]
    for x, y in zip(inputs, targets):
        h, z = [x], []
        for l, w in enumerate(weights):
            z.append(w * h[-1])
            if l < depth - 1:
                h.append(z[-1].apply(tanh))
        delta = z[-1] - y
        for l in range(depth - 1, -1, -1):
            gradients[l] += delta * h[l].T
            if l > 0:
                g = weights[l].T * delta
                delta = matrix([(1 - tanh(zi) ** 2) * gi for zi, gi in zip(z[l - 1], g)])
    n = len(inputs)
    checksum, index = mp.zero, 1
    for g in gradients:
        for i in range(g.rows):
            for j in range(g.cols):
                checksum += index * (g[i, j] / n)
                index += 1
    return checksum


run(compute)
