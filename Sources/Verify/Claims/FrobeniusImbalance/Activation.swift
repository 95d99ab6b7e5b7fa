import Numeric

/// A smooth (or piecewise-linear) activation function σ with its exact derivative σ′.
///
/// Every formula is a closed form written once over `Scalar`, so the same activation runs in
/// `Double`, in MPFR (`BigFloat`) and under automatic differentiation (`Dual`, `Jet`).
///
/// | name | σ(z) | σ′(z) |
/// | --- | --- | --- |
/// | linear | z | 1 |
/// | leaky_relu | z (z ≥ 0), z/10 (z < 0) | 1, 1/10 |
/// | tanh | tanh z | 1 − tanh² z |
/// | erf | erf z | (2/√π) e^{−z²} |
/// | sin | sin z | cos z |
/// | softplus | log(1 + e^z) | 1/(1 + e^{−z}) |
/// | sigmoid | s = 1/(1 + e^{−z}) | s(1 − s) |
/// | gelu | (z/2)(1 + erf(z/√2)) | ½(1 + erf(z/√2)) + z e^{−z²/2}/√(2π) |
/// | swish | z s | s + z s(1 − s) |
///
/// Three further activations exist only to exercise the classification of the Euler defect:
/// `quadratic` (z + z²/2, class C), `expm1` (e^z − 1, class C) and `tanh_shifted`
/// (tanh(z + ½), class D).
public enum Activation: String, CaseIterable, Sendable {
  case linear
  case leakyReLU = "leaky_relu"
  case tanh, erf, sin, softplus, sigmoid, gelu, swish
  case quadratic, expm1
  case tanhShifted = "tanh_shifted"

  /// The nine activations a user may select (the spec's table).
  public static let selectable: [Activation] = [
    .linear, .leakyReLU, .tanh, .erf, .sin, .softplus, .sigmoid, .gelu, .swish,
  ]

  /// σ(z).
  @inlinable public func value<T: Scalar>(_ z: T) -> T {
    switch self {
    case .linear: return z
    case .leakyReLU: return z < T.zero ? z / T(10) : z
    case .tanh: return T.tanh(z)
    case .erf: return T.erf(z)
    case .sin: return T.sin(z)
    case .softplus: return T.log(onePlus: T.exp(z))
    case .sigmoid: return Self.logistic(z)
    case .gelu: return z / T(2) * (T(1) + T.erf(z / T.sqrt(T(2))))
    case .swish: return z * Self.logistic(z)
    case .quadratic: return z + z * z / T(2)
    case .expm1: return T.expMinusOne(z)
    case .tanhShifted: return T.tanh(z + T.half)
    }
  }

  /// σ′(z), by its closed form (not by differentiation, so that the defect φ below is the
  /// formula the paper writes, and differentiation can check it independently).
  @inlinable public func derivative<T: Scalar>(_ z: T) -> T {
    switch self {
    case .linear: return T(1)
    case .leakyReLU: return z < T.zero ? T(1) / T(10) : T(1)
    case .tanh:
      let t = T.tanh(z)
      return T(1) - t * t
    case .erf: return T(2) / T.sqrt(T.pi) * T.exp(-z * z)
    case .sin: return T.cos(z)
    case .softplus: return Self.logistic(z)
    case .sigmoid:
      let s = Self.logistic(z)
      return s * (T(1) - s)
    case .gelu:
      return (T(1) + T.erf(z / T.sqrt(T(2)))) / T(2)
        + z * T.exp(-z * z / T(2)) / T.sqrt(T(2) * T.pi)
    case .swish:
      let s = Self.logistic(z)
      return s + z * s * (T(1) - s)
    case .quadratic: return T(1) + z
    case .expm1: return T.exp(z)
    case .tanhShifted:
      let t = T.tanh(z + T.half)
      return T(1) - t * t
    }
  }

  /// σ′ at each of a layer's pre-activations `z` when `values` = σ(z) are at hand: where the
  /// closed form is a function of σ (tanh: 1 − σ², the logistic: σ(1 − σ)) it reads the value
  /// instead of evaluating σ again, with the same operations, so the same bits as
  /// ``derivative(_:)`` for one transcendental per unit instead of two; the other activations
  /// take ``derivative(_:)``. The constant 1 is made once per layer (a `BigFloat` literal reads
  /// the task-local precision).
  @inlinable public func derivatives<T: Scalar>(_ z: [T], values: [T]) -> [T] {
    precondition(z.count == values.count, "a value for every pre-activation")
    let one = T(1)
    switch self {
    case .tanh, .tanhShifted: return values.map { one - $0 * $0 }
    case .sigmoid: return values.map { $0 * (one - $0) }
    default: return z.map(derivative)
    }
  }

  /// The Euler defect `φ_σ(z) = z σ′(z) − σ(z)`, evaluated exactly as written.
  ///
  /// It vanishes identically exactly for positively 1-homogeneous σ. Near z = 0 the two terms
  /// cancel to O(z^q) (q ≥ 2, the linear term always cancels), so in binary64 this naive form
  /// loses everything once |z|^{q−1} falls below the unit roundoff: that loss is the point of
  /// the claim's precision showcase, and it is why the form is kept naive.
  public func defect<T: Scalar>(_ z: T) -> T {
    z * derivative(z) - value(z)
  }

  /// The logistic function `1/(1 + e^{−z})`.
  @inlinable static func logistic<T: Scalar>(_ z: T) -> T {
    T(1) / (T(1) + T.exp(-z))
  }
}
