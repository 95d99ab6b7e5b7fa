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
      let name = latex ? latexName(f) : f.rawValue
      return latex ? ("\(name)\\left(\(render(u))\\right)", .atom) : ("\(name)(\(render(u)))", .atom)
    }
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
    var numerator: [String] = c.numerator.magnitude == 1 ? [] : ["\(c.numerator.magnitude)"]
    var denominator: [Expr] = c.denominator == 1 ? [] : [Expr(Rational(c.denominator))]
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
    if latex { return "\(sign)\\frac{\(top)}{\(render(.product(denominator)))}" }
    let bottom = denominator.count == 1
      ? print(denominator[0], atLeast: .power) : "(\(render(.product(denominator))))"
    return "\(sign)\(top)/\(bottom)"
  }

  func latexName(_ f: Expr.Function) -> String {
    switch f {
    case .asin: "\\arcsin"
    case .atan: "\\arctan"
    case .sigmoid: "\\sigma"
    case .erf, .softplus, .sign, .abs: "\\operatorname{\(f.rawValue)}"
    default: "\\\(f.rawValue)"
    }
  }

  /// `w1_2` → `w1_{2}`; longer names upright so `xy` is not read as x·y.
  func latexName(_ name: String) -> String {
    let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
    let head = parts[0].count > 1 ? "\\mathrm{\(parts[0])}" : String(parts[0])
    return parts.count == 2 ? "\(head)_{\(parts[1])}" : head
  }
}
