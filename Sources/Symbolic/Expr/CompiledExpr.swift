import Numeric

/// Why an expression has no value: a variable without one, or an integral that quadrature
/// cannot evaluate.
public enum EvaluationError: Error, CustomStringConvertible, Equatable {
  case unboundVariable(String)
  /// The quadrature of the integral (as printed) failed; `reason` says how.
  case integralFailed(String, reason: String)
  /// An integral evaluated in ball arithmetic: quadrature gives an estimate, not an enclosure.
  case integralInBalls(String)

  public var description: String {
    switch self {
    case .unboundVariable(let name): "unbound variable '\(name)'"
    case .integralFailed(let integral, let reason): "the quadrature of \(integral) failed: \(reason)"
    case .integralInBalls(let integral):
      "\(integral) has no certified enclosure: quadrature estimates an integral, it does not bound it"
    }
  }
}

/// An expression flattened into a list of instructions, each reading earlier results, with
/// common subexpressions computed once: the form for evaluating one expression at many points,
/// in any `Scalar` type, and for its gradient by reverse accumulation.
///
/// An integral is evaluated by `Quadrature` at the working precision of the scalar type, on
/// its values (so under `Dual`, `Reverse` and `Jet` the derivatives of the quadrature sum,
/// which converge with it), convergence judged on the primal value. In ball arithmetic
/// (`Scalar.isEnclosure`) an integral is indeterminate: the quadrature's error estimate is not
/// a bound, so no ball it gave would be a certified enclosure.
public struct CompiledExpr: Sendable {
  /// The inputs, in the order `evaluate(at:)` and `gradient(at:)` take them.
  public let variables: [String]
  let instructions: [Instruction]

  enum Instruction: Sendable {
    case rational(Rational)
    case constant(Expr.Constant)
    case input(Int)
    case sum([Int])
    case product([Int])
    /// `base^(p/q)` with small integers p, q, evaluated with `pow`, `sqrt` and `root` so
    /// that integer powers and odd roots of negative numbers stay real.
    case rationalPower(base: Int, p: Int, q: Int)
    case power(base: Int, exponent: Int)
    case apply(Expr.Function, Int)
    case integral(CompiledIntegral)
  }

  /// Compiles `expr` with inputs `variables` (default: its free variables, sorted).
  /// Throws `EvaluationError.unboundVariable` if `expr` uses a variable not in the list.
  public init(_ expr: Expr, variables: [String]? = nil) throws {
    let inputs = variables ?? expr.freeVariables
    var slots: [Expr: Int] = [:]
    var program: [Instruction] = []
    func emit(_ e: Expr) throws -> Int {
      if let slot = slots[e] { return slot }
      let instruction: Instruction
      switch e.node {
      case .rational(let r): instruction = .rational(r)
      case .constant(let c): instruction = .constant(c)
      case .variable(let name):
        guard let k = inputs.firstIndex(of: name) else { throw EvaluationError.unboundVariable(name) }
        instruction = .input(k)
      case .sum(let terms): instruction = .sum(try terms.map(emit))
      case .product(let factors): instruction = .product(try factors.map(emit))
      case .power(let b, let x):
        if let r = x.rationalValue, let p = r.numerator.intValue, let q = r.denominator.intValue {
          instruction = .rationalPower(base: try emit(b), p: p, q: q)
        } else {
          instruction = .power(base: try emit(b), exponent: try emit(x))
        }
      case .apply(let f, let u): instruction = .apply(f, try emit(u))
      case .integral(let i):
        let names = i.integrand.freeVariables.filter { $0 != i.variable }
        let (from, to, sign) = i.oriented
        instruction = .integral(
          CompiledIntegral(
            integrand: try CompiledExpr(i.integrand, variables: [i.variable] + names),
            arguments: try names.map { try emit(.variable($0)) },
            from: try from.map(emit), to: try to.map(emit), negated: sign.signum < 0,
            fromVaries: !(from?.freeVariables.isEmpty ?? true),
            toVaries: !(to?.freeVariables.isEmpty ?? true), text: e.description))
      }
      program.append(instruction)
      slots[e] = program.count - 1
      return program.count - 1
    }
    _ = try emit(expr)
    self.variables = inputs
    self.instructions = program
  }

  /// The value at `point` (one value per entry of `variables`); NaN where an integral cannot
  /// be evaluated (``value(at:)`` says why).
  public func evaluate<T: Scalar>(at point: [T]) -> T { (try? value(at: point)) ?? T(0) / T(0) }

  /// The value at `point`.
  ///
  /// - Throws: `EvaluationError.integralFailed` when the quadrature of an integral does not
  ///   converge, `EvaluationError.integralInBalls` for an integral in ball arithmetic.
  public func value<T: Scalar>(at point: [T]) throws -> T { try values(at: point).last! }

  /// The value and the gradient `∂f/∂vᵢ` at `point`, by one forward and one reverse sweep:
  /// cost a small multiple of one evaluation, whatever the number of variables (and one
  /// quadrature per variable of each integrand). NaN throughout where an integral cannot be
  /// evaluated.
  public func gradient<T: Scalar>(at point: [T]) -> (value: T, gradient: [T]) {
    do {
      return try checkedGradient(at: point)
    } catch {
      return (T(0) / T(0), [T](repeating: T(0) / T(0), count: variables.count))
    }
  }

  /// Each integral of the expression (not those inside another integral's integrand, which
  /// are evaluated at many points), as printed, with its quadrature at `point`: how it was
  /// computed and its error estimate. Throws as ``value(at:)`` does.
  public func integrals<T: Scalar>(at point: [T]) throws -> [(integral: String, estimate: Quadrature.Estimate<T>)] {
    guard instructions.contains(where: { if case .integral = $0 { true } else { false } }) else { return [] }
    let v = try values(at: point)
    return try instructions.compactMap { instruction in
      guard case .integral(let q) = instruction else { return nil }
      return (q.text, try q.estimate(v))
    }
  }

  /// ``gradient(at:)``, throwing as ``value(at:)`` does.
  func checkedGradient<T: Scalar>(at point: [T]) throws -> (value: T, gradient: [T]) {
    let v = try values(at: point)
    var adjoint = [T](repeating: 0, count: v.count)
    adjoint[v.count - 1] = 1
    var gradient = [T](repeating: 0, count: variables.count)
    for i in instructions.indices.reversed() {
      let a = adjoint[i]
      switch instructions[i] {
      case .rational, .constant: break
      case .input(let k): gradient[k] += a
      case .sum(let terms): for t in terms { adjoint[t] += a }
      case .product(let factors):
        // ∂/∂fⱼ Π fᵢ = Π_{i≠j} fᵢ, from prefix and suffix products (no division, so a zero
        // factor is fine).
        var prefix = [T](repeating: 1, count: factors.count)
        for j in factors.indices.dropFirst() { prefix[j] = prefix[j - 1] * v[factors[j - 1]] }
        var suffix = T(1)
        for j in factors.indices.reversed() {
          adjoint[factors[j]] += a * prefix[j] * suffix
          suffix *= v[factors[j]]
        }
      case .rationalPower(let b, let p, let q):
        adjoint[b] += a * T(Rational(p, q)) * Self.raise(v[b], p - q, q)
      case .power(let b, let x):
        adjoint[b] += a * v[x] * T.pow(v[b], v[x] - 1)
        adjoint[x] += a * v[i] * T.log(v[b])
      case .apply(let f, let u):
        adjoint[u] += a * f.slope(at: v[u], value: v[i])
      case .integral(let q): try q.accumulate(a, into: &adjoint, values: v)
      }
    }
    return (v[v.count - 1], gradient)
  }

  private func values<T: Scalar>(at point: [T]) throws -> [T] {
    precondition(point.count == variables.count, "expected \(variables.count) inputs \(variables)")
    var v: [T] = []
    v.reserveCapacity(instructions.count)
    for instruction in instructions {
      switch instruction {
      case .rational(let r): v.append(T(r))
      case .constant(.pi): v.append(T.pi)
      case .constant(.e): v.append(T.exp(1))
      case .input(let k): v.append(point[k])
      case .sum(let terms): v.append(terms.dropFirst().reduce(v[terms[0]]) { $0 + v[$1] })
      case .product(let factors): v.append(factors.dropFirst().reduce(v[factors[0]]) { $0 * v[$1] })
      case .rationalPower(let b, let p, let q): v.append(Self.raise(v[b], p, q))
      case .power(let b, let x): v.append(T.pow(v[b], v[x]))
      case .apply(let f, let u): v.append(f(v[u]))
      case .integral(let q): v.append(try q.value(v))
      }
    }
    return v
  }

  /// `b^(p/q)` as `(ᑫ√b)ᵖ`: real for negative b when q is odd.
  private static func raise<T: Scalar>(_ b: T, _ p: Int, _ q: Int) -> T {
    switch q {
    case 1: T.pow(b, p)
    case 2: T.pow(T.sqrt(b), p)
    default: T.pow(T.root(b, q), p)
    }
  }
}

extension Expr {
  /// The value with each variable taken from `bindings`, in any `Scalar` type (so also under
  /// `Dual`, `Reverse` and `Jet`). Throws `EvaluationError.unboundVariable` naming a missing
  /// one, and as `CompiledExpr.value(at:)` does for an integral.
  public func evaluate<T: Scalar>(at bindings: [String: T]) throws -> T {
    let compiled = try CompiledExpr(self)
    let point = try compiled.variables.map { name in
      guard let value = bindings[name] else { throw EvaluationError.unboundVariable(name) }
      return value
    }
    return try compiled.value(at: point)
  }
}
