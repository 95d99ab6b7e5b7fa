import Numeric

/// The five observables the spec compares between runs, at the horizon:
/// `E θ_T, E ζ_T, Var θ_T, Cov(θ_T, ζ_T), Var ζ_T`, in that order.
struct Observables<T: Scalar>: Sendable {
  /// The components in the spec's order.
  var components: [T]

  /// The components' names in the report's values (`SDE_E_theta`, …), in the same order.
  static var names: [String] { ["E_theta", "E_zeta", "Var_theta", "Cov_theta_zeta", "Var_zeta"] }

  init(mean: (theta: T, zeta: T), covariance: (thetaTheta: T, thetaZeta: T, zetaZeta: T)) {
    components = [
      mean.theta, mean.zeta, covariance.thetaTheta, covariance.thetaZeta, covariance.zetaZeta,
    ]
  }

  init(components: [T]) {
    precondition(components.count == 5, "the observables are five numbers")
    self.components = components
  }

  /// `self − other`, component by component.
  static func - (lhs: Observables, rhs: Observables) -> Observables {
    Observables(components: zip(lhs.components, rhs.components).map { $0 - $1 })
  }

  /// `max_q |self_q|`, NaN when a component is NaN.
  var maximumMagnitude: T { components.maximumMagnitude }
}
