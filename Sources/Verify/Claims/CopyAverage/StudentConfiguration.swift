import Numeric
import Symbolic

/// A student point `θ` of a `PopulationLoss`, rebuilt at whatever precision is current, with
/// the quantities the checks measure there: the loss, `‖∇L‖₂` and the Hessian's spectrum.
///
/// `point` builds `θ` at the task-local precision (from the teacher's rational data and closed
/// forms), so a ladder rung at `bits` sees the configuration computed from scratch at `bits`.
/// Gradients are by reverse mode on the generic loss and Hessians by the chain rule through
/// its Gram entries (`PopulationLoss.hessian(at:leading:)`), except `explicitGradient` points
/// (ReLU with aligned arguments), whose gradient is the explicit formula and which have no
/// Hessian (spec §1).
struct StudentConfiguration: Sendable {
  var loss: PopulationLoss
  var point: @Sendable () -> [BigFloat]
  /// Only these leading entries of `θ` vary (the committee machine's `W`); the rest are frozen.
  var variableCount: Int? = nil
  /// The ReLU gradient from the explicit kernel gradient instead of AD.
  var explicitGradient = false

  /// `L(θ)` at the working precision.
  func value() -> BigFloat { loss(point()) }

  /// `∇L` with respect to the variable entries, at the working precision.
  func gradient() -> [BigFloat] {
    let theta = point()
    let full =
      explicitGradient
      ? loss.reluGradient(at: theta) : Symbolic.gradient(of: { loss($0) }, at: theta).gradient
    return Array(full.prefix(variableCount ?? full.count))
  }

  /// `‖∇L‖₂` at the working precision.
  func gradientNorm() -> BigFloat {
    let g = gradient()
    return BigFloat.sqrt(g.dot(g))
  }

  /// The Hessian of `L` with respect to the variable entries.
  func hessian() -> Matrix<BigFloat> {
    precondition(!explicitGradient, "no Hessian where two different ReLU arguments are aligned")
    return loss.hessian(at: point(), leading: variableCount)
  }

  /// The Hessian's eigenvalues, ascending.
  func spectrum() throws -> [BigFloat] { try hessian().symmetricEigenvalues() }
}
