import Numeric

/// Malformed expression text: where (a 0-based offset into the UTF-8 bytes) and what was
/// expected there.
public struct ParseError: Error, CustomStringConvertible, Equatable {
  public let position: Int
  public let message: String

  public var description: String { "at position \(position): \(message)" }
}

extension Expr {
  /// Parses the command line's expression language:
  ///
  ///     expr    := term (('+' | '-') term)*
  ///     term    := unary (('*' | '/') unary)*
  ///     unary   := ('-' | '+') unary | power
  ///     power   := primary ('^' unary)?          right-associative; -x^2 = -(x^2)
  ///     primary := number | 'pi' | 'e' | name | name '(' args ')' | '(' expr ')'
  ///
  /// Numbers are exact decimals (`1.25`, `3e-4`); `3/4` is exact division. Functions: exp, log,
  /// sqrt, sin, cos, tan, tanh, asin, acos, atan, sinh, cosh, asinh, acosh, atanh, erf, erfc,
  /// log1p, expm1, gamma, lgamma (log |Γ|), digamma, trigamma, `polygamma(n, x)`, sigmoid,
  /// softplus, relu, gelu, swish, normpdf, normcdf (standard normal φ and Φ), abs, sign,
  /// nonzero; `pow(a, b)` (= `a^b`), `min` and `max` of two or more arguments; `sum(f, i, a, b)`
  /// and `prod(f, i, a, b)` over integers a…b, expanded here; `integrate(f, x, a, b)`, the
  /// integral of f over x from a to b (`inf` and `-inf` are infinite limits), evaluated by
  /// quadrature; and `diff(f, x)` / `diff(f, x, k)`, differentiated symbolically here.
  public static func parse(_ text: String) throws -> Expr { try parseWithVariables(text).expression }

  /// `parse(text)` and every variable the text names, sorted. They may be more than the
  /// result's `freeVariables`: `x - x` is 0, yet as written a function of x.
  public static func parseWithVariables(
    _ text: String
  ) throws -> (expression: Expr, variables: [String]) {
    var parser = Parser(bytes: Array(text.utf8))
    let e = try parser.expression()
    parser.skipSpaces()
    if parser.position < parser.bytes.count {
      throw parser.error("expected an operator or the end of input, found \(parser.found)")
    }
    return (e, parser.names.sorted())
  }
}

private struct Parser {
  let bytes: [UInt8]
  var position = 0
  var depth = 0
  /// The variables named so far.
  var names: Set<String> = []

  /// Nesting bound (parentheses, calls, signs, exponents), so hostile input cannot exhaust
  /// the stack.
  static let maximumDepth = 200
  /// Largest k in `diff(f, x, k)`: symbolic derivatives grow quickly with the order.
  static let maximumDerivativeOrder = 16
  /// Largest n in `polygamma(n, x)`.
  static let maximumPolygammaOrder = 64
  /// Most terms of one `sum` or `prod`, which are expanded.
  static let maximumTerms = 10_000

  init(bytes: [UInt8]) { self.bytes = bytes }

  func error(_ message: String, at offset: Int? = nil) -> ParseError {
    ParseError(position: offset ?? position, message: message)
  }

  var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// The next token's first character, for messages.
  var found: String {
    guard let c = current else { return "end of input" }
    return c >= 0x21 && c < 0x7F ? "'\(Character(UnicodeScalar(c)))'" : "byte 0x\(String(c, radix: 16))"
  }

  mutating func skipSpaces() {
    while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { position += 1 }
  }

  mutating func accept(_ symbol: Character) -> Bool {
    skipSpaces()
    guard let c = current, c == symbol.asciiValue else { return false }
    position += 1
    return true
  }

  mutating func expect(_ symbol: Character) throws {
    guard accept(symbol) else { throw error("expected '\(symbol)', found \(found)") }
  }

  mutating func nested<R>(_ body: (inout Parser) throws -> R) throws -> R {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth { throw error("expression nested more than \(Self.maximumDepth) deep") }
    return try body(&self)
  }

  mutating func expression() throws -> Expr {
    var terms = [try term()]
    while true {
      if accept("+") { terms.append(try term()) } else if accept("-") { terms.append(-(try term())) } else { break }
    }
    return .sum(terms)
  }

  mutating func term() throws -> Expr {
    var factors = [try unary()]
    while true {
      if accept("*") {
        factors.append(try unary())
      } else if accept("/") {
        let start = position
        let divisor = try unary()
        if divisor == 0 { throw error("division by zero", at: start) }
        factors.append(.pow(divisor, -1))
      } else {
        break
      }
    }
    return .product(factors)
  }

  mutating func unary() throws -> Expr {
    if accept("-") { return try nested { -(try $0.unary()) } }
    if accept("+") { return try nested { try $0.unary() } }
    let base = try primary()
    return accept("^") ? .pow(base, try nested { try $0.unary() }) : base
  }

  mutating func primary() throws -> Expr {
    skipSpaces()
    guard let c = current else { throw error("expected an expression, found end of input") }
    if isDigit(c) || c == UInt8(ascii: ".") { return try number() }
    if isLetter(c) { return try nameOrCall() }
    if accept("(") {
      let e = try nested { try $0.expression() }
      try expect(")")
      return e
    }
    throw error("expected a number, a name or '(', found \(found)")
  }

  mutating func number() throws -> Expr {
    let start = position
    while let c = current, isDigit(c) { position += 1 }
    if current == UInt8(ascii: ".") {
      position += 1
      while let c = current, isDigit(c) { position += 1 }
    }
    // An exponent only when digits follow, so `2e` is 2 followed by the name e (an error).
    if let c = current, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
      var look = position + 1
      if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
      if look < bytes.count, isDigit(bytes[look]) {
        position = look
        while let d = current, isDigit(d) { position += 1 }
      }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = try? Rational(parsing: text), text != "." else {
      throw error("expected a number such as 12, 0.5 or 3e-4 (exponent below 100000)", at: start)
    }
    return Expr(value)
  }

  mutating func nameOrCall() throws -> Expr {
    let start = position
    while let c = current, isLetter(c) || isDigit(c) || c == UInt8(ascii: "_") { position += 1 }
    let name = String(decoding: bytes[start..<position], as: UTF8.self)
    guard accept("(") else {
      switch name {
      case "pi": return .pi
      case "e": return .e
      default:
        names.insert(name)
        return .variable(name)
      }
    }
    let outer = names
    let arguments = try nested { p in
      var list: [Argument] = []
      repeat { list.append(try p.argument()) } while p.accept(",")
      try p.expect(")")
      return list
    }
    let values = arguments.map(\.expression)
    switch name {
    case "diff": return try derivative(values, at: start)
    case "integrate":
      let (result, limitNames) = try integral(arguments, at: start)
      // The variable of integration is bound, like a sum's index.
      names = outer.union(arguments[0].names.subtracting([arguments[1].expression.description]))
        .union(limitNames)
      return result
    case "sum", "prod":
      let (result, bound) = try iterated(name, values, at: start)
      // The index is bound: it is a variable of the terms, not of the result.
      names = outer.union(arguments[0].names.subtracting([bound]))
        .union(arguments[2].names).union(arguments[3].names)
      return result
    case "min", "max":
      guard values.count >= 2 else { throw error("\(name) takes 2 or more arguments, got \(values.count)", at: start) }
      // max(a, b) = b + relu(a − b), exact when b is the larger; min(a, b) = a − relu(a − b).
      return values.dropFirst().reduce(values[0]) { a, b in
        name == "max" ? b + .apply(.relu, a - b) : a - .apply(.relu, a - b)
      }
    case "pow":
      guard values.count == 2 else { throw error("pow takes 2 arguments, got \(values.count)", at: start) }
      return .pow(values[0], values[1])
    case "polygamma":
      guard values.count == 2, let n = values[0].rationalValue, n.isInteger, let order = n.numerator.intValue,
        (0...Self.maximumPolygammaOrder).contains(order)
      else {
        throw error("polygamma takes (n, x) with an integer order n in 0...\(Self.maximumPolygammaOrder)", at: start)
      }
      return .apply(.polygamma(order), values[1])
    default: break
    }
    let unary: ((Expr) -> Expr)?
    if name == "sqrt" { unary = Expr.sqrt } else { unary = Expr.Function(name: name).map { f in { .apply(f, $0) } } }
    guard let f = unary else {
      let known = ["sqrt"] + Expr.Function.allCases.map(\.name) + Self.forms
      throw error("unknown function '\(name)'; expected one of \(known.joined(separator: ", "))", at: start)
    }
    guard values.count == 1 else { throw error("\(name) takes 1 argument, got \(values.count)", at: start) }
    return f(values[0])
  }

  /// The calls that are not unary functions.
  static let forms = ["polygamma", "pow", "min", "max", "sum", "prod", "integrate", "diff"]

  /// An argument and the variables its text names.
  struct Argument {
    let expression: Expr
    let names: Set<String>
  }

  mutating func argument() throws -> Argument {
    let outer = names
    names = []
    let e = try expression()
    defer { names.formUnion(outer) }
    return Argument(expression: e, names: names)
  }

  /// `sum(f, i, a, b) = f(a) + … + f(b)` and `prod` likewise, for integers a, b, expanded
  /// exactly (each term by substitution, so derivatives and every route see a plain sum);
  /// an empty range gives 0 and 1. Returns the expansion and the index's name.
  func iterated(_ name: String, _ arguments: [Expr], at start: Int) throws -> (Expr, String) {
    let usage = "\(name) takes (f, i, a, b): a term f, an index name i and integer bounds a <= b + 1"
    guard arguments.count == 4, case .variable(let index) = arguments[1].node else { throw error(usage, at: start) }
    guard let low = arguments[2].rationalValue, let high = arguments[3].rationalValue, low.isInteger, high.isInteger,
      let a = low.numerator.intValue, let b = high.numerator.intValue
    else { throw error(usage, at: start) }
    guard b - a < Self.maximumTerms else {
      throw error("\(name) over more than \(Self.maximumTerms) indices", at: start)
    }
    let terms = a > b ? [] : (a...b).map { arguments[0].substitute(index, with: Expr(Rational($0))) }
    return (name == "sum" ? .sum(terms) : .product(terms), index)
  }

  /// `integrate(f, x, a, b)`: the integral and the variables its limits name. A limit is an
  /// expression, or `inf` / `-inf` as a whole (the name means infinity only there).
  func integral(_ arguments: [Argument], at start: Int) throws -> (Expr, Set<String>) {
    let usage = "integrate takes (f, x, a, b): an integrand f, a variable name x and limits a, b (inf or -inf for infinite ones)"
    guard arguments.count == 4, case .variable(let x) = arguments[1].expression.node else {
      throw error(usage, at: start)
    }
    let infinity = Expr.variable("inf")
    var names: Set<String> = []
    func limit(_ argument: Argument) throws -> Expr.Limit {
      switch argument.expression {
      case infinity: return .plusInfinity
      case -infinity: return .minusInfinity
      default:
        guard !argument.names.contains("inf") else {
          throw error("in integrate's limits, inf stands alone: a limit is inf, -inf or an expression without it", at: start)
        }
        names.formUnion(argument.names)
        return .finite(argument.expression)
      }
    }
    let (a, b) = (try limit(arguments[2]), try limit(arguments[3]))
    if a == b && a.expression == nil { throw error("integrate's limits are the same infinity", at: start) }
    return (.integral(arguments[0].expression, x, from: a, to: b), names)
  }

  func derivative(_ arguments: [Expr], at start: Int) throws -> Expr {
    guard arguments.count == 2 || arguments.count == 3 else {
      throw error("diff takes (f, x) or (f, x, k), got \(arguments.count) arguments", at: start)
    }
    guard case .variable(let x) = arguments[1].node else {
      throw error("diff expects a variable name as its second argument", at: start)
    }
    var order = 1
    if arguments.count == 3 {
      guard let k = arguments[2].rationalValue, k.isInteger, let n = k.numerator.intValue,
        (0...Self.maximumDerivativeOrder).contains(n)
      else { throw error("diff expects an order k in 0...\(Self.maximumDerivativeOrder)", at: start) }
      order = n
    }
    return arguments[0].derivative(withRespectTo: x, order: order)
  }

  func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
  func isLetter(_ c: UInt8) -> Bool {
    (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
  }
}
