import Numeric

/// The instruction of `CompiledExpr` for an integral `sign · ∫_from^to f dx`: the integrand
/// compiled over `[x] + (its other variables)`, whose values are read from the slots
/// `arguments`; the limits' slots, nil for −∞ (`from`) and +∞ (`to`).
struct CompiledIntegral: Sendable {
  let integrand: CompiledExpr
  let arguments: [Int]
  let from: Int?
  let to: Int?
  /// The written limits were swapped to put an infinite end on its own side.
  let negated: Bool
  /// Whether a finite limit depends on the inputs: only such a limit has a boundary term.
  let fromVaries: Bool
  let toVaries: Bool
  /// The integral as printed, for messages.
  let text: String

  /// The integral, from the values `v` of the earlier instructions.
  func value<T: Scalar>(_ v: [T]) throws -> T {
    let outer = arguments.map { v[$0] }
    return try integrate(v) { x in try integrand.value(at: [x] + outer) }
  }

  /// Adds `adjoint · ∂(integral)/∂(slot)` to the adjoints of the integrand's variables and of
  /// the limits: `∫ ∂f/∂θ dx` for each variable θ (the same quadrature applied to the
  /// integrand's gradient) and the boundary terms `f(to)` and `−f(from)` of Leibniz's rule.
  func accumulate<T: Scalar>(_ adjoint: T, into adjoints: inout [T], values v: [T]) throws {
    let outer = arguments.map { v[$0] }
    let sign: T = negated ? -1 : 1
    for (k, slot) in arguments.enumerated() {
      let partial = try integrate(v) { x in try integrand.checkedGradient(at: [x] + outer).gradient[k + 1] }
      adjoints[slot] += adjoint * partial
    }
    if let to, toVaries { adjoints[to] += adjoint * sign * (try integrand.value(at: [v[to]] + outer)) }
    if let from, fromVaries { adjoints[from] -= adjoint * sign * (try integrand.value(at: [v[from]] + outer)) }
  }

  /// The quadrature of the integrand over the oriented limits (without `sign`), from the
  /// values `v` of the earlier instructions.
  func estimate<T: Scalar>(_ v: [T]) throws -> Quadrature.Estimate<T> {
    let outer = arguments.map { v[$0] }
    return try estimate(v) { x in try integrand.value(at: [x] + outer) }
  }

  /// `sign · ∫ g` over the limits.
  private func integrate<T: Scalar>(_ v: [T], _ g: (T) throws -> T) throws -> T {
    let value = try estimate(v, g).value
    return negated ? -value : value
  }

  /// `∫ g` over the oriented limits, the quadrature's failures named after the integral.
  private func estimate<T: Scalar>(_ v: [T], _ g: (T) throws -> T) throws -> Quadrature.Estimate<T> {
    guard !T.isEnclosure else { throw EvaluationError.integralInBalls(text) }
    do {
      return try Quadrature.integrate(g, from: from.map { v[$0] }, to: to.map { v[$0] })
    } catch let error as NumericError {
      var reason = error.description
      if case .notConverged = error {
        reason += " (the integrand may be singular inside the interval, not integrable at an end, "
          + "or evaluated with more rounding error than the working precision resolves)"
      }
      throw EvaluationError.integralFailed(text, reason: reason)
    }
  }
}
