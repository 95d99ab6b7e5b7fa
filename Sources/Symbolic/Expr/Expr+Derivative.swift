import Numeric

extension Expr {
  /// The `order`-th derivative `∂ⁿ/∂vⁿ`, canonical (each step is built by the smart
  /// constructors, so `d/dx (sin²x + cos²x)` is 0). It is undefined wherever the expression is
  /// (`d/dx log y` is `0·log y`, NaN for y ≤ 0) and at the kinks of abs and sign, where the
  /// expression is not differentiable (`d|x|/dx = sign(x)·nonzero(x)`).
  public func derivative(withRespectTo variable: String, order: Int = 1) -> Expr {
    precondition(order >= 0, "derivative order must be non-negative")
    var result = self
    for _ in 0..<order { result = result.firstDerivative(variable) }
    return result
  }

  private func firstDerivative(_ variable: String) -> Expr {
    // Memoised by node identity so a shared subtree (a DAG) is differentiated once.
    var memo: [ObjectIdentifier: Expr] = [:]
    func d(_ e: Expr) -> Expr {
      guard e.mayDependOn(variable) else { return unvarying(e) }
      if let known = memo[ObjectIdentifier(e)] { return known }
      let result: Expr
      switch e.node {
      case .rational, .constant: result = .zero
      case .variable(let name): result = name == variable ? .one : .zero
      case .sum(let terms): result = .sum(terms.map(d))
      case .product(let factors):
        // Leibniz: Σᵢ f₁⋯fᵢ′⋯fₙ.
        var terms: [Expr] = []
        for i in factors.indices {
          let di = d(factors[i])
          if di.isZero { continue }
          var term = factors
          term[i] = di
          terms.append(.product(term))
        }
        result = .sum(terms)
      case .power(let b, let x):
        let (db, dx) = (d(b), d(x))
        if dx.isZero {
          let lowered = x.rationalValue.map { Expr($0 - Expr.rationalOne) } ?? x - .one
          result = .product([x, .pow(b, lowered), db])
        } else {
          // (bˣ)′ = bˣ (x′ log b + x b′/b).
          result = e * (dx * .log(b) + x * db / b)
        }
      case .apply(let f, let u):
        let du = d(u)
        result = du.isZero ? unvarying(e) : f.derivative(at: u) * du
      case .integral(let i): result = leibniz(i, e, variable, d)
      }
      memo[ObjectIdentifier(e)] = result
      return result
    }
    return d(self)
  }

  /// The derivative of `e` where it does not vary: 0 wherever `e` is defined.
  private func unvarying(_ e: Expr) -> Expr { e.isTotal ? .zero : .product([.zero, e]) }

  /// Leibniz's rule for `e = ∫ₐᵇ f dx` (the integral `i`) with respect to `variable`, given the
  /// derivative `d` of the enclosing differentiation:
  /// `d/dy ∫ₐᵇ f dx = ∫ₐᵇ ∂f/∂y dx + f(b)·b′ − f(a)·a′`, the boundary terms for finite limits
  /// only (an infinite limit does not move). When `variable` is the bound one, the integrand
  /// does not depend on the outer variable of that name: only the limits can.
  private func leibniz(_ i: Integral, _ e: Expr, _ variable: String, _ d: (Expr) -> Expr) -> Expr {
    var terms: [Expr] = []
    if i.variable != variable {
      let df = d(i.integrand)
      if !df.isZero { terms.append(.integral(df, i.variable, from: i.lower, to: i.upper)) }
    }
    for (limit, sign) in [(i.upper, Expr.one), (i.lower, Expr.minusOne)] {
      guard let end = limit.expression else { continue }
      let dend = d(end)
      if dend.isZero { continue }
      terms.append(sign * i.integrand.substitute(i.variable, with: end) * dend)
    }
    return terms.isEmpty ? unvarying(e) : .sum(terms)
  }

  /// The expression with every free occurrence of `variable` replaced by `replacement`, then
  /// canonicalised. An integral binding `variable` keeps its integrand; one binding a variable
  /// of `replacement` has its bound variable renamed first, so nothing is captured.
  public func substitute(_ variable: String, with replacement: Expr) -> Expr {
    let target = Expr.variable(variable)
    let captured = Set(replacement.freeVariables)
    return rewritten({ $0 == target ? replacement : $0 }) { i in
      if i.variable == variable { return nil }
      guard captured.contains(i.variable) else { return i }
      let taken = captured.union(i.integrand.freeVariables).union([variable])
      var fresh = i.variable + "_"
      while taken.contains(fresh) { fresh += "_" }
      return Integral(
        integrand: i.integrand.substitute(i.variable, with: .variable(fresh)), variable: fresh,
        lower: i.lower, upper: i.upper)
    }
  }

  /// Rebuilds the expression bottom-up through the smart constructors, applying `rule` to each
  /// rebuilt node; shared subtrees are rebuilt once. An integral's limits are rewritten, and
  /// the integrand of the integral `entering` returns (default: the integral itself; nil keeps
  /// the integrand as it is), so a rule about variables can respect the bound one.
  func rewritten(
    _ rule: (Expr) -> Expr, entering: (Integral) -> Integral? = { $0 }
  ) -> Expr {
    var memo: [ObjectIdentifier: Expr] = [:]
    func visit(_ e: Expr) -> Expr {
      if let known = memo[ObjectIdentifier(e)] { return known }
      let rebuilt: Expr
      switch e.node {
      case .rational, .constant, .variable: rebuilt = e
      case .sum(let terms): rebuilt = .sum(terms.map(visit))
      case .product(let factors): rebuilt = .product(factors.map(visit))
      case .power(let b, let x): rebuilt = .pow(visit(b), visit(x))
      case .apply(let f, let u): rebuilt = .apply(f, visit(u))
      case .integral(let i):
        func limit(_ l: Limit) -> Limit { l.expression.map { .finite(visit($0)) } ?? l }
        // The integrand's nodes are not memoised with the rest: the same subtree may have the
        // bound variable free outside the integral.
        let entered = entering(i)
        rebuilt = .integral(
          entered.map { $0.integrand.rewritten(rule, entering: entering) } ?? i.integrand,
          entered?.variable ?? i.variable, from: limit(i.lower), to: limit(i.upper))
      }
      let result = rule(rebuilt)
      memo[ObjectIdentifier(e)] = result
      return result
    }
    return visit(self)
  }
}
