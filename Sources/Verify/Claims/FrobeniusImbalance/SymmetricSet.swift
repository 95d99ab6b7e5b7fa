import Numeric

/// The permutation-symmetric set of a network with hidden width N (C9),
///
///     S = { W_1 = 1 uᵀ,  W_l = w_l 1 1ᵀ (2 ≤ l ≤ L−1),  W_L = c 1ᵀ },
///
/// on which the network is the scalar chain `p_L σ(p_{L−1} ⋯ p_2 σ(u·x))` with `p_l = N w_l`,
/// `p_L = N c`. S is flow-invariant: at each of its points `∇_{W_1}L` has identical rows and
/// every `∇_{W_l}L` (l ≥ 2) constant entries. The reduced flow is `u̇ = −(1/N)∇_u L`,
/// `ṗ_l = −∂L/∂p_l` (middle layers), `ṗ_L = −N ∂L/∂p_L`.
public struct SymmetricPoint<T: Scalar> {
  public let width: Int
  public let u: [T]
  /// `w_2 … w_{L−1}`.
  public let middle: [T]
  public let c: T
  public let activation: Activation

  public init(width: Int, u: [T], middle: [T], c: T, activation: Activation) {
    self.width = width
    self.u = u
    self.middle = middle
    self.c = c
    self.activation = activation
  }

  /// The full network at the point of S.
  public var network: BiaslessMLP<T> {
    let n = width
    let first = Matrix(rowCount: n, columnCount: u.count) { _, j in u[j] }
    let inner = middle.map { w in Matrix(rowCount: n, columnCount: n) { _, _ in w } }
    let last = Matrix(rowCount: 1, columnCount: n) { _, _ in c }
    return BiaslessMLP(weights: [first] + inner + [last], activation: activation)
  }

  /// The wrong variant "identical rows" for the middle layers, `W_l = 1 v_lᵀ`, which the
  /// claim says is *not* invariant.
  public func identicalRowsNetwork(rows: [[T]]) -> BiaslessMLP<T> {
    var weights = network.weights
    for (k, v) in rows.enumerated() {
      weights[k + 1] = Matrix(rowCount: width, columnCount: width) { _, j in v[j] }
    }
    return BiaslessMLP(weights: weights, activation: activation)
  }

  /// The reduced network of widths (d, 1, …, 1): `W_1 = uᵀ`, `W_l = (p_l)`, `W_L = (p_L)`.
  public var reducedNetwork: BiaslessMLP<T> {
    let n = T(width)
    let first = Matrix(rowCount: 1, columnCount: u.count, entries: u)
    let inner = middle.map { Matrix(rowCount: 1, columnCount: 1, entries: [n * $0]) }
    let last = Matrix(rowCount: 1, columnCount: 1, entries: [n * c])
    return BiaslessMLP(weights: [first] + inner + [last], activation: activation)
  }

  /// The largest departure of gradients from the structure of S: row differences of
  /// `∇W_1`, entry differences of `∇W_l` (l ≥ 2).
  public static func structureViolation(_ gradients: [Matrix<T>]) -> T {
    var worst = T.zero
    for (k, g) in gradients.enumerated() {
      for i in 0..<g.rowCount {
        for j in 0..<g.columnCount {
          let reference = k == 0 ? g[0, j] : g[0, 0]
          worst = T.maxOrNaN(worst, (g[i, j] - reference).magnitude)
        }
      }
    }
    return worst
  }

  /// The largest mismatch between the full flow's velocity of the shared entries and the
  /// reduced flow: `u̇` against `−∇W_1[1, :]`, `ṗ_l` against `−N ∇W_l[1, 1]`. With
  /// `metric: false` the reduced flow omits its metric factors 1/N and N (a wrong variant).
  public func reductionMismatch(full: [Matrix<T>], reduced: [Matrix<T>], metric: Bool = true) -> T {
    let n = T(width)
    let m = metric ? n : T(1)
    let depth = full.count
    var worst = T.zero
    for j in 0..<u.count {
      let reducedVelocity = -reduced[0][0, j] / m
      worst = T.maxOrNaN(worst, (reducedVelocity - (-full[0][0, j])).magnitude)
    }
    for l in 2...depth {
      let factor = l == depth ? m : T(1)
      let reducedVelocity = -factor * reduced[l - 1][0, 0]
      worst = T.maxOrNaN(worst, (reducedVelocity - (-n * full[l - 1][0, 0])).magnitude)
    }
    return worst
  }
}
