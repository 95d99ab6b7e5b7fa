import Numeric

extension Expr: CustomStringConvertible {
  /// Plain text in the parser's language, so `Expr.parse(e.description) == e`.
  public var description: String { Printer(latex: false).render(self) }

  /// LaTeX for reports: `\frac`, `\sqrt`, `\sin\left(x\right)`, `\pi`.
  public var latex: String { Printer(latex: true).render(self) }
}

/// One printer for both notations; they differ only in how fractions, roots, powers, function
/// names and parentheses are spelled.
private struct Printer {
  let latex: Bool

  /// Binding strength of what was printed: a part is parenthesised when its context needs more.
  enum Level: Int, Comparable {
    case sum = 1, product, power, atom
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
  }

  func render(_ e: Expr) -> String { print(e).text }

  func print(_ e: Expr, atLeast context: Level) -> String {
    let (text, level) = print(e)
    if level >= context { return text }
    return latex ? "\\left(\(text)\\right)" : "(\(text))"
  }

  func print(_ e: Expr) -> (text: String, level: Level) {
    switch e.node {
    case .rational(let r): return rational(r)
    case .constant(.pi): return (latex ? "\\pi" : "pi", .atom)
    case .constant(.e): return ("e", .atom)
    case .variable(let name): return (latex ? latexName(name) : name, .atom)
    case .sum(let terms): return (sum(terms), .sum)
    case .product: return (fraction(e), .product)
    case .power(let b, let x):
      if let r = x.rationalValue, r < 0 { return (fraction(e), .product) }
      if x.rationalValue == Rational(1, 2) {
        return latex ? ("\\sqrt{\(render(b))}", .atom) : ("sqrt(\(render(b)))", .atom)
      }
      let base = print(b, atLeast: .atom)
      return latex ? ("{\(base)}^{\(render(x))}", .power) : ("\(base)^\(print(x, atLeast: .atom))", .power)
    case .apply(let f, let u):
      if latex && f == .abs { return ("\\left|\(render(u))\\right|", .atom) }
      if case .polygamma(let n) = f, n >= 2 {
        return latex
          ? ("\\psi^{(\(n))}\\left(\(render(u))\\right)", .atom) : ("polygamma(\(n), \(render(u)))", .atom)
      }
      let name = latex ? latexName(f) : f.name
      return latex ? ("\(name)\\left(\(render(u))\\right)", .atom) : ("\(name)(\(render(u)))", .atom)
    case .integral(let i): return integral(i)
    }
  }

  /// `integrate(f, x, a, b)`, with `-inf` and `inf` for infinite limits; in LaTeX
  /// `\int_{a}^{b} f \, \mathrm{d}x`, bracketed in products and powers as the integral sign
  /// reaches to the right.
  func integral(_ i: Expr.Integral) -> (String, Level) {
    func limit(_ l: Expr.Limit) -> String {
      switch l {
      case .minusInfinity: latex ? "-\\infty" : "-inf"
      case .finite(let e): render(e)
      case .plusInfinity: latex ? "\\infty" : "inf"
      }
    }
    let (a, b) = (limit(i.lower), limit(i.upper))
    if !latex { return ("integrate(\(render(i.integrand)), \(i.variable), \(a), \(b))", .atom) }
    let body = print(i.integrand, atLeast: .product)
    return ("\\int_{\(a)}^{\(b)} \(body) \\, \\mathrm{d}\(latexName(i.variable))", .sum)
  }

  func rational(_ r: Rational) -> (String, Level) {
    let sign = r.signum < 0 ? "-" : ""
    let (p, q) = (r.numerator.magnitude, r.denominator)
    if q == 1 { return ("\(sign)\(p)", sign.isEmpty ? .atom : .product) }
    return (latex ? "\(sign)\\frac{\(p)}{\(q)}" : "\(sign)\(p)/\(q)", .product)
  }

  func sum(_ terms: [Expr]) -> String {
    var text = print(terms[0], atLeast: .sum)
    for term in terms.dropFirst() {
      let (c, rest) = term.splitCoefficient
      if c.signum < 0 {
        text += " - " + print(rest.scaled(by: -c), atLeast: .product)
      } else {
        text += " + " + print(term, atLeast: .product)
      }
    }
    return text
  }

  /// A product, or a power with negative exponent, as `sign · numerator / denominator`, the
  /// denominator holding the coefficient's denominator and the factors with negative exponents.
  func fraction(_ e: Expr) -> String {
    let (c, rest) = e.splitCoefficient
    let factors: [Expr]
    if case .product(let fs) = rest.node { factors = fs } else { factors = [rest] }
    // In text, `2/3*x/(2 + x^2)` keeps the coefficient whole: `2*x/(3*(2 + x^2))` would parse
    // with the 3 distributed into the sum, a different canonical form.
    let wholeCoefficient = !latex && c.denominator != 1
      && factors.contains { f in
        guard case .sum = f.base.node, let r = f.exponent.rationalValue else { return false }
        return r < 0
      }
    var numerator: [String] = []
    var denominator: [Expr] = []
    if wholeCoefficient {
      numerator.append("\(c.numerator.magnitude)/\(c.denominator)")
    } else {
      if c.numerator.magnitude != 1 { numerator.append("\(c.numerator.magnitude)") }
      if c.denominator != 1 { denominator.append(Expr(Rational(c.denominator))) }
    }
    for f in factors {
      if let r = f.exponent.rationalValue, r < 0 {
        denominator.append(.pow(f.base, Expr(-r)))
      } else {
        numerator.append(print(f, atLeast: .power))
      }
    }
    let sign = c.signum < 0 ? "-" : ""
    let top = numerator.isEmpty ? "1" : numerator.joined(separator: latex ? " " : "*")
    if denominator.isEmpty { return sign + top }
    // The parts are printed one by one: multiplying them back together would distribute the
    // coefficient into a sum, `3·(2 + x²) = 6 + 3x²`, a different canonical form.
    if denominator.count == 1 {
      if latex { return "\(sign)\\frac{\(top)}{\(render(denominator[0]))}" }
      return "\(sign)\(top)/\(print(denominator[0], atLeast: .power))"
    }
    let parts = denominator.map { print($0, atLeast: .power) }
    if latex { return "\(sign)\\frac{\(top)}{\(parts.joined(separator: " "))}" }
    return "\(sign)\(top)/(\(parts.joined(separator: "*")))"
  }

  func latexName(_ f: Expr.Function) -> String {
    switch f {
    case .asin: "\\arcsin"
    case .acos: "\\arccos"
    case .atan: "\\arctan"
    case .sigmoid: "\\sigma"
    case .gamma: "\\Gamma"
    case .lgamma: "\\log\\left|\\Gamma\\right|"
    case .polygamma(0): "\\psi"
    case .polygamma: "\\psi'"
    case .normpdf: "\\varphi"
    case .normcdf: "\\Phi"
    case .exp, .log, .sin, .cos, .tan, .tanh, .sinh, .cosh: "\\\(f.name)"
    default: "\\operatorname{\(f.name)}"
    }
  }

  /// `w1_2` → `w1_{2}`; longer names upright so `xy` is not read as x·y.
  func latexName(_ name: String) -> String {
    let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
    let head = parts[0].count > 1 ? "\\mathrm{\(parts[0])}" : String(parts[0])
    return parts.count == 2 ? "\(head)_{\(parts[1])}" : head
  }
}
