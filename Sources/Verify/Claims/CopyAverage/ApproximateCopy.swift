import Numeric
import Symbolic

/// The symmetric "approximate copy" configuration of C9 for `n = k − 1` students:
///
///     wᵢ = α vᵢ + β v_k + γ Σ_{j<k, j≠i} vⱼ,    aᵢ = A     (i = 1…k−1),
///
/// a four-parameter family `θ(p)`, `p = (α, β, γ, A)`, linear in `(α, β, γ)` for fixed `A`.
/// Its reduced loss `ℓ(p) = L(θ(p))` has gradient `Jᵀ∇L` (the full gradient projected onto the
/// four generating directions, `J = ∂θ/∂p`) and Hessian `Jᵀ∇²L J` on the family; Newton on
/// `∇ℓ = 0`, with `ℓ` written through the overlaps, finds the family's stationary point.
struct ApproximateCopy: Sendable {
  var loss: PopulationLoss

  /// `teacher` must be unit-orthonormal with unit outputs (the overlap form of `ℓ` assumes it;
  /// the Householder teachers are, exactly).
  init(teacher: Teacher) {
    let d = teacher.directions
    precondition(
      teacher.norms.allSatisfy { $0 == 1 } && teacher.outputs.allSatisfy { $0 == 1 }
        && d.indices.allSatisfy { i in
          d.indices.allSatisfy { j in
            zip(d[i], d[j]).reduce(Rational(0)) { $0 + $1.0 * $1.1 } == Rational(i == j ? 1 : 0)
          }
        }, "C9's family needs a unit-orthonormal teacher with unit outputs")
    loss = PopulationLoss(activation: .erf, teacher: teacher, students: teacher.count - 1)
  }

  /// `θ(α, β, γ, A)`.
  func parameters<S: Scalar>(_ p: [S]) -> [S] {
    let k = loss.teacher.count
    let v: [[S]] = loss.teacher.vectors()
    var theta: [S] = []
    for i in 0..<(k - 1) {
      var w = v[i].map { p[0] * $0 }.adding(v[k - 1], scaledBy: p[1])
      for j in 0..<(k - 1) where j != i { w = w.adding(v[j], scaledBy: p[2]) }
      theta += w
    }
    return theta + Array(repeating: p[3], count: k - 1)
  }

  /// The student at `θ(p)`, with `α` multiplied by `alphaFactor`.
  func configuration(_ p: [BigFloat], alphaFactor: Rational = 1) -> StudentConfiguration {
    var p = p
    p[0] *= BigFloat(alphaFactor)
    return StudentConfiguration(loss: loss, point: { [p, self] in parameters(p) })
  }

  /// Newton on `∇ℓ(p) = 0` from `start`, where `ℓ(p) = L(θ(p))` is evaluated through the
  /// overlaps (``overlapLoss(_:teachers:)``: the same function, at a cost independent of `k`
  /// and `d`), the Hessian of `ℓ` by forward-over-reverse, stopping when `|Δp| ≤ 2^(−p+10)` at
  /// the working precision `p` (the rounding noise of the gradient, divided by the smallest
  /// curvature, keeps later steps near `2^−p`, not below it). The point is then checked on the
  /// full loss `L` over `θ`, not on `ℓ`.
  func solve(from start: [BigFloat], bits: Int) throws -> NewtonIteration<[BigFloat]> {
    try Self.stationaryPoint(teachers: Rational(loss.teacher.count), from: start, bits: bits)
  }

  /// Newton on `∇ℓ(p; κ) = 0` for `κ` teachers from `start`, to `|Δp| ≤ 2^(−bits+10)`.
  static func stationaryPoint(teachers kappa: Rational, from start: [BigFloat], bits: Int) throws
    -> NewtonIteration<[BigFloat]>
  {
    try Newton.stationaryPoint(
      { p in
        let h = gradientAndHessian(of: { overlapLoss($0, teachers: .init(kappa)) }, at: p)
        return (h.gradient, h.hessian)
      }, from: start, relativeTolerance: 0, absoluteTolerance: BigFloat.pow(2, 10 - bits),
      maximumIterations: 30)
  }
}
