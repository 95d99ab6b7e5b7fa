import Numeric
import Symbolic

/// C1b: the flow `x′ = F(x)` of a ``ConservativeDrift`` on `ℝ^{Nd}` with its variational
/// equation and the two divergence integrals (spec Section 3, C1b),
///
///     x′ = F(x),   M′ = DF(x) M  (M(0) = I),   L′ = div F(x)  (C1's closed form),
///     L0′ = Σᵢ [Δ log S_P − Δ_z log S_Q](xᵢ)  (the closed form without its self term),
///
/// integrated together from `x(0)` to `T` in `steps` equal steps of a Taylor method of order at
/// most `order` (``TaylorIntegrator``'s series, no step-size control, so that refining the steps
/// is a convergence test): each step's series stops at the first order whose last two terms at
/// the step are below `localTolerance` (none: every step to `order`). `DF(x)` comes from one
/// vector-mode forward pass on jets (`VectorDual<Jet>`: `F`'s value and slopes once, not once
/// per column, and no work for the entries between particles that do not interact), then
/// `DF·M` as a matrix product. Liouville's formula says `log det M(T) = L(T)`; a step of order
/// K leaves a local error of about `(T/(steps·ρ))^(K+1)` for the field's time radius of
/// convergence `ρ` (what the local tolerance bounds), so the identity holds to that accuracy and
/// not to the working precision.
struct LiouvilleFlow: Sendable {
  let drift: ConservativeDrift
  /// `x(0)`, flattened.
  let start: [Rational]
  let horizon: Rational
  let steps: Int
  let order: Int
  /// The size of the last two terms at which a step's series stops, relative to
  /// `max(1, ‖y‖_∞)`; nil for the fixed order.
  var localTolerance: Rational? = nil

  struct Outcome {
    /// `x(T)`, flattened.
    var positions: [BigFloat]
    /// `log det M(T) = log det DΦ_T(x(0))`.
    var logDeterminant: BigFloat
    /// `L(T) = ∫₀ᵀ div F dt`.
    var integratedDivergence: BigFloat
    /// `L0(T)`, the integral without the self term (a negative control).
    var integratedWithoutSelf: BigFloat
    /// The order each step's series stopped at.
    var orders: [Int]
  }

  /// The right-hand side on the state `(x, M row-major, L, L0)`.
  private func field<U: Scalar>(_ y: [U]) -> [U] {
    let n = start.count
    let x = Array(y[0..<n])
    let (velocity, jacobian) = forwardValueAndJacobian(of: { drift.velocity($0) }, at: x)
    let m = Matrix(rowCount: n, columnCount: n, entries: Array(y[n..<n + n * n]))
    let terms = drift.terms(x)
    let divergence = terms.reduce(U.zero) { $0 + $1.divergence() }
    let withoutSelf = terms.reduce(U.zero) { $0 + $1.divergence(selfWeight: 0) }
    return velocity + jacobian.multiplied(by: m).entries + [divergence, withoutSelf]
  }

  func run() throws -> Outcome {
    typealias T = BigFloat
    let n = start.count
    let identity = (0..<n * n).map { $0 / n == $0 % n ? T(1) : T(0) }
    var y = start.map { T($0) } + identity + [0, 0]
    let integrator = TaylorIntegrator<T>(order: order, tolerance: T(localTolerance ?? 0)) { field($0) }
    let h = T(horizon / Rational(steps))
    var orders: [Int] = []
    for _ in 0..<steps {
      let series = localTolerance == nil ? integrator.series(at: y) : integrator.series(at: y, step: h)
      orders.append(series.count - 1)
      y = TaylorIntegrator.evaluate(series, at: h)
    }
    guard y.allSatisfy(\.isFinite) else {
      throw CheckFailure(description: "the Taylor flow of x′ = F(x), M′ = DF M is not finite at T = \(horizon)")
    }
    let m = Matrix(rowCount: n, columnCount: n, entries: Array(y[n..<n + n * n]))
    return Outcome(
      positions: Array(y[0..<n]), logDeterminant: T.log(m.determinant),
      integratedDivergence: y[n + n * n], integratedWithoutSelf: y[n + n * n + 1], orders: orders)
  }
}
