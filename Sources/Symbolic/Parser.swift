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
  /// sqrt, sin, cos, tan, tanh, asin, atan, erf, sigmoid, softplus, abs, sign, nonzero, and
  /// `diff(f, x)` / `diff(f, x, k)`, differentiated symbolically here.
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
    let arguments = try nested { p in
      var list = [try p.expression()]
      while p.accept(",") { list.append(try p.expression()) }
      try p.expect(")")
      return list
    }
    if name == "diff" { return try derivative(arguments, at: start) }
    let unary: ((Expr) -> Expr)?
    if name == "sqrt" { unary = Expr.sqrt } else { unary = Expr.Function(rawValue: name).map { f in { .apply(f, $0) } } }
    guard let f = unary else {
      let known = ["sqrt"] + Expr.Function.allCases.map(\.rawValue) + ["diff"]
      throw error("unknown function '\(name)'; expected one of \(known.joined(separator: ", "))", at: start)
    }
    guard arguments.count == 1 else { throw error("\(name) takes 1 argument, got \(arguments.count)", at: start) }
    return f(arguments[0])
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
