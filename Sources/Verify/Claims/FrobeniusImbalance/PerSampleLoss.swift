import Numeric

/// A differentiable per-sample loss `ℓ(ŷ, y)` with its gradient in the prediction ŷ.
///
/// * squared: `ℓ = ½‖ŷ − y‖²`, `∇_ŷ ℓ = ŷ − y`;
/// * log-cosh: `ℓ = Σ_k log cosh(ŷ_k − y_k)`, `∇_ŷ ℓ = tanh(ŷ − y)`.
public enum PerSampleLoss: String, CaseIterable, Sendable {
  case squared
  case logcosh

  /// `ℓ(ŷ, y)`.
  @inlinable public func value<T: Scalar>(prediction: [T], target: [T]) -> T {
    var total = T.zero
    for (p, y) in zip(prediction, target) {
      let r = p - y
      switch self {
      case .squared: total += r * r / T(2)
      case .logcosh: total += T.log(T.cosh(r))
      }
    }
    return total
  }

  /// `∇_ŷ ℓ(ŷ, y)`.
  @inlinable public func gradient<T: Scalar>(prediction: [T], target: [T]) -> [T] {
    zip(prediction, target).map { p, y in
      switch self {
      case .squared: return p - y
      case .logcosh: return T.tanh(p - y)
      }
    }
  }
}
