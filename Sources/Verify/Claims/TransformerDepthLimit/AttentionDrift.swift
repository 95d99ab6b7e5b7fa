import Numeric

/// How the attention weights of a row are normalised.
enum AttentionNormalisation: Sendable, Hashable {
  /// `a_ij = exp(s_ij) / Σ_k exp(s_ik)` over every token: the model of the claim.
  case softmax
  /// The softmax over `j ≤ i` only (causal masking), a negative control of C4.
  case causal
  /// `a_ij = exp(s_ij − max_k s_ik) / count` with the token count frozen, a negative control of
  /// C4: the row no longer sums to one once tokens are duplicated.
  case frozenCount(Int)
}

/// One attention-only residual drift `F(X) = A(X) X Vᵀ` on the token rows `X` (n × d), with
/// scores `s_ij = x_iᵀ M x_j` and weights `A = (a_ij)` normalised per row: row i of `F` is
/// `Σ_j a_ij V x_j`.
///
/// Generic over `Scalar`, so the same formula runs in `BigFloat`, on `Reverse` tapes (the
/// discrete adjoint) and on `Jet`s (the Taylor integrator of the limit ODE).
struct AttentionDrift<T: Scalar> {
  /// The score matrix `M = QᵀK`.
  let score: Matrix<T>
  /// The value matrix `V`.
  let value: Matrix<T>
  var normalisation: AttentionNormalisation = .softmax

  /// `A(X)`.
  func weights(_ x: Matrix<T>) -> Matrix<T> {
    let scores = x * score * x.transposed
    let n = x.rowCount
    var weights = Matrix<T>.zeros(n, n)
    for i in 0..<n {
      let visible = normalisation == .causal ? 0...i : 0...(n - 1)
      switch normalisation {
      case .softmax, .causal:
        let e = visible.map { T.exp(scores[i, $0]) }
        let total = e.reduce(T.zero, +)
        for (j, ej) in zip(visible, e) { weights[i, j] = ej / total }
      case .frozenCount(let count):
        let largest = visible.map { scores[i, $0] }.max()!
        for j in visible { weights[i, j] = T.exp(scores[i, j] - largest) / T(count) }
      }
    }
    return weights
  }

  /// `F(X) = A(X) X Vᵀ`.
  func callAsFunction(_ x: Matrix<T>) -> Matrix<T> { weights(x) * x * value.transposed }

  /// The vector–Jacobian product `JᵀP` of the softmax drift (spec Section 1): with
  /// `w_ij = p_iᵀ V x_j` and `g_ij = a_ij (w_ij − Σ_k a_ik w_ik)`,
  /// `JᵀP = Aᵀ P V + G X Mᵀ + Gᵀ X M`. Written out rather than taped so that the limit's
  /// adjoint is an implementation independent of the discrete model's reverse mode.
  func pullback(_ x: Matrix<T>, _ p: Matrix<T>) -> Matrix<T> {
    precondition(normalisation == .softmax, "the pullback is the softmax drift's")
    let a = weights(x)
    let w = p * value * x.transposed
    let n = x.rowCount
    let g = Matrix<T>(rowCount: n, columnCount: n) { i, j in
      let mean = (0..<n).reduce(T.zero) { $0 + a[i, $1] * w[i, $1] }
      return a[i, j] * (w[i, j] - mean)
    }
    return a.transposed * p * value + g * x * score.transposed + g.transposed * x * score
  }

  /// The gradient density of the values, `(1/n) Σ_ij a_ij p_i x_jᵀ = (1/n) Pᵀ A X`.
  func valueGradientDensity(_ x: Matrix<T>, _ p: Matrix<T>) -> Matrix<T> {
    p.transposed * weights(x) * x / T(x.rowCount)
  }
}
