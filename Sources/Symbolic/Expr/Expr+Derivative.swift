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
      }
      memo[ObjectIdentifier(e)] = result
      return result
    }
    return d(self)
  }

  /// The derivative of `e` where it does not vary: 0 wherever `e` is defined.
  private func unvarying(_ e: Expr) -> Expr { e.isTotal ? .zero : .product([.zero, e]) }

  /// The expression with every occurrence of `variable` replaced by `replacement`, then
  /// canonicalised.
  public func substitute(_ variable: String, with replacement: Expr) -> Expr {
    let target = Expr.variable(variable)
    return rewritten { $0 == target ? replacement : $0 }
  }

  /// Rebuilds the expression bottom-up through the smart constructors, applying `rule` to each
  /// rebuilt node; shared subtrees are rebuilt once.
  func rewritten(_ rule: (Expr) -> Expr) -> Expr {
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
      }
      let result = rule(rebuilt)
      memo[ObjectIdentifier(e)] = result
      return result
    }
    return visit(self)
  }
}
