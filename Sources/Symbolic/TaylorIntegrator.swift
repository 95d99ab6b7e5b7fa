import Numeric

/// Taylor-series integration of an autonomous system `y′ = f(y)`, generic over `Scalar`, with the
/// field evaluated on `Jet`s.
///
/// The solution through `y(t₀) = y₀` is `y(t₀ + τ) = Σₖ yₖ τᵏ` with `(k+1) y_{k+1} = [f(y)]ₖ`.
/// The k-th coefficient of `f(y)` depends on `y₀ … y_k` only. Each step evaluates `f` once, at
/// the values, on the variables of a `JetTape`, which records its jet operations; the tape then
/// computes coefficient k of every operation from the lower ones, order by order, so that
/// `[f(y)]ₖ` fixes `y_{k+1}`: O(k) per operation for coefficient k, O(K²) per step (re-evaluating
/// `f` on ever longer jets would be O(K³)), with no truncation error below order K+1. Because
/// every operation is exact in the coefficients, the same coefficients are the Taylor-mode
/// derivatives of the flow (`k! yₖ = y⁽ᵏ⁾(t₀)`), which claims use directly (`series(at:)`).
///
/// `field` is a function of jets, written over `Scalar` or with `Jet`'s operations: it may
/// branch on values (jets compare by value) but must not read or build coefficients itself.
///
/// Steps follow Jorba & Zou (2005): `h = min over k ∈ {K−1, K} of (tol/‖yₖ‖_∞)^{1/k}`, with
/// `tol = tolerance · max(1, ‖y₀‖_∞)`, so the first neglected terms are about `tol` each; steps
/// are shortened to land exactly on the requested output times.
public struct TaylorIntegrator<T: Scalar> {
  public let order: Int
  public let tolerance: T
  public let field: ([Jet<T>]) -> [Jet<T>]

  @inlinable public init(order: Int, tolerance: T, field: @escaping ([Jet<T>]) -> [Jet<T>]) {
    precondition(order >= 2, "a Taylor integrator needs order ≥ 2")
    self.order = order
    self.tolerance = tolerance
    self.field = field
  }

  /// The Taylor coefficients `[y₀, y₁, …, y_K]` of the solution through `y` (each a state vector).
  @inlinable public func series(at y: [T], order: Int? = nil) -> [[T]] {
    series(at: y, order: order ?? self.order) { _ in false }
  }

  /// The Taylor coefficients through `y` for a step `h` fixed in advance, to the lowest order
  /// `K ≤ order` whose last two terms are small: `‖y_{K−1}‖_∞ h^{K−1}` and `‖y_K‖_∞ h^K` each at
  /// most `tolerance · max(1, ‖y₀‖_∞)` (Jorba & Zou's criterion read for a given step). For a
  /// series that decays geometrically the neglected terms then sum to about the tolerance, and
  /// a short step costs the low order it needs, O(K²) per operation rather than O(order²).
  /// Non-finite coefficients are never small: such a series runs to `order`.
  @inlinable public func series(at y: [T], step h: T) -> [[T]] {
    let tol = tolerance * max(1, y.maximumMagnitude)
    var power = T(1)
    var previousIsSmall = false
    return series(at: y, order: order) { coefficients in
      power *= h
      let isSmall = coefficients[coefficients.count - 1].maximumMagnitude * power <= tol
      let done = isSmall && previousIsSmall
      previousIsSmall = isSmall
      return done
    }
  }

  /// The coefficients to `order`, or to the first `k` at which `done([y₀, …, y_k])` holds.
  @inlinable func series(at y: [T], order: Int, until done: ([[T]]) -> Bool) -> [[T]] {
    let tape = JetTape<T>()
    let variables = y.map { tape.variable($0) }
    let derivative = field(variables)
    tape.reserveCapacity(order: order)
    var coefficients = [y, derivative.map { $0.value / T(1) }]
    var k = 1
    while k < order, !done(coefficients) {
      for (variable, coefficient) in zip(variables, coefficients[k]) {
        tape.append(coefficient, to: variable)
      }
      tape.computeCoefficients(order: k)
      coefficients.append(derivative.map { tape.coefficient(k, of: $0) / T(k + 1) })
      k += 1
    }
    return Array(coefficients.prefix(order + 1))
  }

  /// `Σₖ yₖ hᵏ` by Horner's rule.
  @inlinable public static func evaluate(_ series: [[T]], at h: T) -> [T] {
    var y = series[series.count - 1]
    for k in stride(from: series.count - 2, through: 0, by: -1) {
      y = zip(y, series[k]).map { $0 * h + $1 }
    }
    return y
  }

  /// The Jorba–Zou step for `series`.
  @inlinable public func stepSize(_ series: [[T]]) -> T {
    func norm(_ v: [T]) -> T { v.maximumMagnitude }
    let tol = tolerance * max(1, norm(series[0]))
    var h: T? = nil
    for k in [order - 1, order] {
      let size = norm(series[k])
      guard size > T.zero else { continue }
      let candidate = T.exp(T.log(tol / size) / T(k))
      h = h.map { min($0, candidate) } ?? candidate
    }
    return h ?? T(1)
  }

  /// The states at `times` (ascending, all ≥ 0), starting from `y₀` at time 0, and the number of
  /// steps taken. Non-finite coefficients stop the run with the states reached so far replaced by
  /// NaN, so that a blow-up reads as a failure downstream rather than a hang.
  @inlinable public func solve(from y0: [T], at times: [T]) -> (states: [[T]], steps: Int) {
    var y = y0
    var t = T.zero
    var states: [[T]] = []
    var steps = 0
    for target in times {
      while t < target {
        let series = series(at: y)
        let remaining = target - t
        let h = min(stepSize(series), remaining)
        guard h.isFinite, h > T.zero, series.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
          let nan = y0.map { _ in T(Double.nan) }
          return (states + Array(repeating: nan, count: times.count - states.count), steps)
        }
        y = Self.evaluate(series, at: h)
        t = h == remaining ? target : t + h
        steps += 1
      }
      states.append(y)
    }
    return (states, steps)
  }
}
