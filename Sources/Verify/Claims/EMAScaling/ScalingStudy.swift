import Numeric

/// Every run of C2–C4 for one instance: the base run and each rule's κ-scaled run at every step
/// of the grid `η = 2^{−etaMin}, …, 2^{−etaMax}` (coarsest first), and the SDE limit.
///
/// The discrepancy between a scaled run and the base run is `Δ(η) = max_q |O_scaled,q − O_base,q|`
/// over the five ``Observables``. Richardson values come from the degree-5 interpolant through
/// the six smallest steps (``PolynomialInterpolation``): its constant term is the limit
/// `η → 0`, its linear term the first-order coefficient.
struct ScalingStudy: Sendable {
  typealias T = BigFloat
  let model: LinearEMAModel
  /// `etaMin … etaMax`: the grid is `η = 2^{−j}` for these `j`.
  let exponents: ClosedRange<Int>
  /// The grid, coarsest first.
  let steps: [Rational]
  let kappas: [Int]
  /// `O_base(η)` per step.
  let base: [Observables<T>]
  /// `O_scaled(η)` per rule, per κ, per step.
  let scaled: [ScalingRule: [Int: [Observables<T>]]]
  /// `O_SDE(T)`, by the matrix exponential.
  let sde: Observables<T>

  /// The points the rate fits use and the points Richardson interpolates through.
  static let fitCount = 4
  static let richardsonCount = 6

  init(model: LinearEMAModel, exponents: ClosedRange<Int>, kappas: [Int]) throws {
    self.model = model
    self.exponents = exponents
    steps = exponents.map { Rational.pow(2, -$0) }
    self.kappas = kappas
    base = steps.map { ScalingRule.emaRule.run(model, step: $0, kappa: 1).observables(of: model) }
    var scaled: [ScalingRule: [Int: [Observables<T>]]] = [:]
    for rule in ScalingRule.allCases {
      for kappa in kappas {
        scaled[rule, default: [:]][kappa] = steps.map {
          rule.run(model, step: $0, kappa: kappa).observables(of: model)
        }
      }
    }
    self.scaled = scaled
    sde = try SDEMoments.observables(of: model)
  }

  /// The grid in words.
  var grid: String { "η = 2^-\(exponents.lowerBound) … 2^-\(exponents.upperBound)" }

  /// The steps as reals.
  var etas: [T] { steps.map { T($0) } }
  /// The smallest step, `2^{−etaMax}`.
  var smallestEta: T { etas.last! }

  /// `O_scaled − O_base` per step for `rule` at `kappa`.
  func differences(_ rule: ScalingRule, kappa: Int) -> [Observables<T>] {
    zip(scaled[rule]![kappa]!, base).map { $0 - $1 }
  }

  /// `Δ(η)` per step.
  func discrepancy(_ rule: ScalingRule, kappa: Int) -> [T] {
    differences(rule, kappa: kappa).map(\.maximumMagnitude)
  }

  /// `Δ(η_min)`.
  func smallestDiscrepancy(_ rule: ScalingRule, kappa: Int) -> T {
    discrepancy(rule, kappa: kappa).last!
  }

  /// `(η, y(η))` over the ``fitCount`` smallest steps.
  func fitWindow(_ y: [T]) -> (x: [T], y: [T]) {
    (Array(etas.suffix(Self.fitCount)), Array(y.suffix(Self.fitCount)))
  }

  /// The least-squares slope of `ln y` against `ln η` over the fit window.
  func slope(_ y: [T]) -> T {
    let (x, y) = fitWindow(y)
    return LinearFit(x: x.map { T.log($0) }, y: y.map { T.log($0) }).slope
  }

  /// The degree-5 interpolant in `η` of each component of `values` through the six smallest steps.
  func richardson(_ values: [Observables<T>]) throws -> [PolynomialInterpolation<T>] {
    let x = Array(etas.suffix(Self.richardsonCount))
    let window = values.suffix(Self.richardsonCount)
    return try (0..<5).map { q in
      try PolynomialInterpolation(x: x, y: window.map { $0.components[q] })
    }
  }

  /// `D_κ[q]`: the limit `η → 0` of `(O_scaled,q − O_base,q)/η` for `rule` at `kappa`.
  func firstOrderConstant(_ rule: ScalingRule, kappa: Int) throws -> Observables<T> {
    try firstOrderConstant(differences(rule, kappa: kappa))
  }

  /// The limit `η → 0` of `difference(η)/η`.
  func firstOrderConstant(_ differences: [Observables<T>]) throws -> Observables<T> {
    let quotients = zip(differences, etas).map { difference, eta in
      Observables(components: difference.components.map { $0 / eta })
    }
    return try limit(quotients)
  }

  /// The Richardson limit of `O_base` (or of a scaled run), which should be `O_SDE`.
  func limit(_ values: [Observables<T>]) throws -> Observables<T> {
    Observables(components: try richardson(values).map { $0.coefficients[0] })
  }

  /// `e₁[q]`: the linear coefficient of `O_base,q(η)`.
  func baseFirstOrderCoefficient() throws -> Observables<T> {
    Observables(components: try richardson(base).map { $0.coefficients[1] })
  }
}
