import Numeric

/// `f(W) = ½ ‖A W − B‖_F²` with `A ∈ ℝ^{p×m}`, `B ∈ ℝ^{p×n}` (row-major), the objective of the
/// discrete energy identity: `∇f(W) = Aᵀ(AW − B)`, `f` is `λ_max(AᵀA)`-smooth, and for it the
/// discrete energy change is an exact identity rather than an inequality.
public struct LeastSquaresObjective<T: Scalar>: ParticleObjective {
  public let a: [T]
  public let b: [T]
  public let rows: Int
  public let inner: Int
  public let columns: Int

  public init(a: [T], b: [T], rows: Int, inner: Int, columns: Int) {
    precondition(a.count == rows * inner && b.count == rows * columns, "A is p×m, B is p×n")
    self.a = a
    self.b = b
    self.rows = rows
    self.inner = inner
    self.columns = columns
  }

  /// `A X` for an `m × n` matrix `X`.
  public func apply(_ x: [T]) -> [T] {
    var result = [T](repeating: T.zero, count: rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        var sum = T.zero
        for k in 0..<inner { sum += a[r * inner + k] * x[k * columns + c] }
        result[r * columns + c] = sum
      }
    }
    return result
  }

  /// `AW − B`.
  public func residual(_ w: [T]) -> [T] { zip(apply(w), b).map { $0 - $1 } }

  public func value(_ particles: [[T]]) -> T {
    precondition(particles.count == 1, "a single-matrix objective")
    let r = residual(particles[0])
    return frobeniusInner(r, r) / 2
  }

  public func firstVariationGradients(_ particles: [[T]]) -> [[T]] {
    precondition(particles.count == 1, "a single-matrix objective")
    let r = residual(particles[0])
    var gradient = [T](repeating: T.zero, count: inner * columns)
    for k in 0..<inner {
      for c in 0..<columns {
        var sum = T.zero
        for row in 0..<rows { sum += a[row * inner + k] * r[row * columns + c] }
        gradient[k * columns + c] = sum
      }
    }
    return [gradient]
  }

  /// The entries of `AᵀA` (m × m, row-major), whose largest eigenvalue is the smoothness
  /// constant `L_f`.
  public var normalMatrix: [T] {
    var result = [T](repeating: T.zero, count: inner * inner)
    for i in 0..<inner {
      for j in 0..<inner {
        var sum = T.zero
        for row in 0..<rows { sum += a[row * inner + i] * a[row * inner + j] }
        result[i * inner + j] = sum
      }
    }
    return result
  }
}
