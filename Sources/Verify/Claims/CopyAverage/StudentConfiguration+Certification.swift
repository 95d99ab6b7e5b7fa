import Numeric
import Symbolic

extension StudentConfiguration {
  /// What a certified critical point needs (``CriticalPointCheck/Certification``): the point
  /// at the working precision `p`, the box `θ ± 2^(−p/4)` around it, and the loss's gradient
  /// (reverse mode) and Hessian (its Gram chain rule) evaluated on Arb balls.
  ///
  /// The half-width is a compromise: the box must contain the true zero, which the computed
  /// point misses by about `2^(−p)` times the Hessian's condition number, and the Hessian
  /// enclosed over the box widens with the box, which must leave the smallest eigenvalue's sign
  /// certain; `2^(−p/4)` (`10⁻¹⁹` at 256 bits) leaves both margins wide for the CA and
  /// approximate-copy points, whose smallest `|λ|` are above `10⁻⁴`.
  func certification() -> CriticalPointCheck.Certification {
    precondition(!explicitGradient, "no certification where two ReLU arguments are aligned")
    let theta = point()
    let count = variableCount ?? theta.count
    let precision = Precision.bits
    let frozen = theta[count...].map { Ball($0, precision: precision) }
    return CriticalPointCheck.Certification(
      point: Array(theta.prefix(count)), radius: Rational.pow(2, -precision / 4),
      gradient: { [loss] x in
        let constants = frozen.map { Reverse<Ball>(constant: $0) }
        return Array(
          Symbolic.gradient(of: { loss(Array($0) + constants) }, at: x).gradient.prefix(count))
      },
      hessian: { [loss] x in loss.hessian(at: x + frozen, leading: count) })
  }
}
