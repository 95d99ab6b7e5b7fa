/// The matrix exponential `e^A = Σₖ Aᵏ/k!` of a small dense square matrix, at the working
/// precision of `T`, by scaling and squaring with a Taylor core.
///
/// With `θ = ‖A‖_∞` (the largest absolute row sum, a submultiplicative norm), `A` is scaled
/// by `2⁻ˢ`, `s = max(0, ⌈log₂ θ⌉ + 1)`, so that `B = 2⁻ˢA` has `‖B‖_∞ ≤ 1/2`. The Taylor
/// polynomial of degree `m`, the first `m` with `θ_B^{m+1}/(m+1)! ≤ ε/4` (ε the working
/// epsilon), is evaluated by Horner's rule, `P = I + B(I + B/2(I + B/3(⋯(I + B/m))))`; its
/// truncation error is at most `(4/3)·θ_B^{m+1}/(m+1)! ≤ ε/3`, and since
/// `1 = ‖e^{−B}e^B‖ ≤ e^{1/2}‖e^B‖`, that is below `ε‖e^B‖_∞`. Then `e^A = P^{2ˢ}` by `s`
/// squarings. The scaling by a power of two is exact.
///
/// Accuracy: the Taylor stage is accurate to a few units of ε relative to `‖e^B‖` (every term
/// is at most half the previous one in norm). Each squaring at most doubles a relative
/// perturbation (`(e^B(I + Δ))² ≈ e^{2B}(I + 2Δ)` when `Δ` commutes with `B`), so about `s`
/// bits are lost, plus the conditioning of the exponential itself for a far-from-normal `A`.
/// At precision `p`, expect a relative error (in norm) of about `2^(s + log₂ n + 4 − p)`; the
/// tests hold it to `2^(20 − p)` on closed forms and to `2^(30 − p)` against mpmath's `expm`.
///
/// For `BigFloat`, ε (and the identity's entries) come from the task-local working precision,
/// so the entries of `A` should carry that precision (`withPrecision(bits) { ... }`).
extension Matrix {
  /// `e^A`. Throws `NumericError.nonFinite` when an entry of `A` or of the result is NaN or
  /// infinite (the result overflows for very large positive eigenvalues).
  public func exponential() throws -> Matrix {
    precondition(isSquare, "the matrix exponential needs a square matrix")
    let algorithm = "matrix exponential"
    guard isFinite else { throw NumericError.nonFinite(algorithm: algorithm) }
    let n = rowCount
    var norm = infinityNorm
    var scale = T(1)
    var squarings = 0
    let half = T.half
    while norm > half {
      norm /= 2
      scale /= 2
      squarings += 1
    }
    let b = self * scale
    let degree = Self.taylorDegree(norm: norm)
    let identity = Matrix.identity(n)
    var power = identity
    for k in stride(from: degree, through: 1, by: -1) {
      power = identity + (b * power) / T(k)
    }
    for _ in 0..<squarings { power = power * power }
    guard power.isFinite else { throw NumericError.nonFinite(algorithm: algorithm) }
    return power
  }

  /// The smallest `m ≥ 1` with `θ^{m+1}/(m+1)! ≤ ε/4`, for `θ = norm ≤ 1/2`.
  private static func taylorDegree(norm: T) -> Int {
    let tolerance = T.workingEpsilon / 4
    var degree = 1
    var nextTerm = norm * norm / 2
    while nextTerm > tolerance {
      degree += 1
      nextTerm = nextTerm * norm / T(degree + 1)
    }
    return degree
  }
}
