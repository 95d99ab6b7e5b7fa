import Numeric
import Symbolic

/// A Newton start for C9 at any number of teachers, from one start at 6.
///
/// Newton's basin around the approximate copy is narrow: the spec's start, good for `k = 6`,
/// diverges already at `k = 7`, and so does the `k = 6` solution used as a start there. The
/// stationary points move smoothly with `k`, though, once the reduced loss is written through
/// the overlaps, where `k` enters only as a count and may be any real: walking `κ` from 6 to
/// `k` in short steps, each Newton started from the previous point, stays inside the basins.
extension ApproximateCopy {
  /// The number of teachers the C9 start parameters are for.
  static let startTeachers = 6
  /// Steps per unit of `κ` on the walk.
  static let stepsPerTeacher = 8
  /// The walk's precision: it only places a start, which Newton then refines at each rung.
  static let walkBits = 64

  /// `ℓ(p; κ)` for `κ` unit-orthonormal teachers with unit outputs and `n = κ − 1` students (C9's
  /// instance): with `p = (α, β, γ, A)`, `wᵢ·vᵢ = α`, `wᵢ·v_k = β`, `wᵢ·vⱼ = γ` otherwise, and
  ///
  ///     |wᵢ|² = α² + β² + (κ − 2)γ²,      wᵢ·wₗ = 2αγ + β² + (κ − 3)γ²   (i ≠ l),
  ///     ℓ = ½ [n A² g(wᵢ, wᵢ) + n(n − 1) A² g(wᵢ, wₗ) − 2nA (g_α + g_β + (κ − 2) g_γ) + κ g(v, v)],
  ///
  /// `g_t = g(|wᵢ|², 1, t)`; the teachers' cross terms vanish (`g(v, v') = 0` for orthogonal
  /// `v, v'` under erf). At an integer `κ` it is `L(θ(p))` of that family (a test
  /// compares the two over the precision ladder).
  static func overlapLoss<S: Scalar>(_ p: [S], teachers kappa: S) -> S {
    let (alpha, beta, gamma, a) = (p[0], p[1], p[2], p[3])
    let erf = StudentActivation.erf
    let n = kappa - 1
    let norm = alpha * alpha + beta * beta + (kappa - 2) * gamma * gamma
    let overlap = 2 * alpha * gamma + beta * beta + (kappa - 3) * gamma * gamma
    let students = n * a * a * (erf.diagonal(norm) + (n - 1) * erf.pair(norm, norm, overlap))
    let cross =
      erf.pair(norm, 1, alpha) + erf.pair(norm, 1, beta) + (kappa - 2) * erf.pair(norm, 1, gamma)
    return (students - 2 * n * a * cross + kappa * erf.diagonal(S(1))) / 2
  }

  /// `start`, a Newton start for ``startTeachers`` teachers, carried to this family's `k`
  /// along the stationary points of ``overlapLoss(_:teachers:)``: Newton at ``walkBits`` bits
  /// at each `κ = 6 ± j/8`, from the previous point. Returned as exact dyadic rationals, so
  /// that every rung starts from the same point. Throws where a Newton step of the walk fails.
  ///
  /// The start is never tried at `k` directly: Newton from the `k = 6` start converges at
  /// `k = 9`, but to the symmetric averaging point `α = β = γ`, not to the approximate copy.
  func newtonStart(from start: [Rational]) throws -> [Rational] {
    let k = loss.teacher.count
    let direction = k > Self.startTeachers ? 1 : -1
    return try withPrecision(Self.walkBits) {
      try (0..<(abs(k - Self.startTeachers) * Self.stepsPerTeacher)).reduce(start) { p, j in
        let step = Rational(direction * (j + 1), Self.stepsPerTeacher)
        return try stationaryPoint(teachers: Rational(Self.startTeachers) + step, from: p)
      }
    }
  }

  /// ``stationaryPoint(teachers:from:bits:)`` at the working precision, as exact rationals.
  private func stationaryPoint(teachers kappa: Rational, from start: [Rational]) throws
    -> [Rational]
  {
    let root = try Self.stationaryPoint(
      teachers: kappa, from: start.map { BigFloat($0) }, bits: Precision.bits
    ).root
    let exact = root.compactMap { Rational(exactly: $0) }
    guard exact.count == root.count else {
      throw NumericError.nonFinite(algorithm: "C9's continuation in k")
    }
    return exact
  }
}
