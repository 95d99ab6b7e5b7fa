import Numeric
import Symbolic

/// `verify series`: the Taylor coefficients `f⁽ᵏ⁾(x₀)/k!`, k = 0…n, of an expression in one of
/// its variables, by Taylor-mode differentiation (`Jet`), each shown as an exact rational where
/// it is one.
///
/// The jet runs at the working precision p and again at 2p. A coefficient is shown as the
/// rational `a/b` when a continued-fraction convergent of the 2p-bit value with `b < 2^(p/4)`
/// matches it to 2p − 16 bits and the p-bit value to p − 16 bits (relative to max(1, |c|)): a
/// rational coefficient is found whenever its denominator is that small; an irrational one
/// would have to agree with a small-denominator rational to 2p − 16 bits, which the 2p run
/// rules out unless it is closer to it than 2^−(2p−16). Other coefficients print as decimals
/// with the digits the two runs agree on.
public struct TaylorExpansion: Sendable {
  public struct Coefficient: Sendable {
    public let value: BigFloat
    public let rational: Rational?
    /// Significant digits on which the runs at p and 2p bits agree.
    public let stableDigits: Int

    public var text: String { rational?.description ?? value.decimalString(significantDigits: max(stableDigits, 1)) }
  }

  public let expression: String
  public let variable: String
  public let point: String
  public let bindings: [(name: String, value: String)]
  public let precision: Int
  public let coefficients: [Coefficient]

  /// The orders `--order` takes.
  public static let orderRange = 0...200

  /// Expands `text` in `variable` (default: its only variable) around the value `--at` gives it.
  ///
  /// - Throws: `UsageError` for a malformed expression or assignment, an unknown or missing
  ///   variable, an order or precision out of range.
  public init(
    _ text: String, in variable: String?, at assignments: [String], order: Int, precision: Int
  ) throws(UsageError) {
    try RunRequest.validate(precision: precision)
    guard Self.orderRange.contains(order) else {
      throw UsageError("--order must be an integer in \(Self.orderRange), not \(order)")
    }
    let (expr, variables) = try ExpressionInput.parse(text)
    let name: String
    if let variable {
      guard variables.contains(variable) else {
        throw UsageError("variable '\(EchoedInput.cut(variable))' does not occur in the expression")
      }
      name = variable
    } else {
      guard variables.count == 1 else {
        throw UsageError("name the variable to expand in with --in; the expression has \(variables.count)")
      }
      name = variables[0]
    }
    let bindings = try ExpressionInput.bindings(assignments, for: variables)
    func run(_ bits: Int) throws(UsageError) -> [BigFloat] {
      do {
        return try withPrecision(bits) {
          var point: [String: Jet<BigFloat>] = [:]
          for binding in bindings {
            let value: BigFloat = try binding.value.evaluate(at: [:])
            point[binding.name] = binding.name == name ? .variable(at: value, order: order) : .constant(value)
          }
          let jet = try expr.evaluate(at: point)
          return (0...order).map { jet[$0] }
        }
      } catch {
        throw UsageError("cannot expand '\(EchoedInput.cut(text))': \(error)")
      }
    }
    let (low, high) = (try run(precision), try run(2 * precision))
    let supported = Evaluation.supportedDigits(precision: precision)
    self.coefficients = zip(low, high).map { a, b in
      Coefficient(
        value: a, rational: Self.rational(a, b, precision: precision),
        stableDigits: Evaluation.agreement(a, b, upTo: supported))
    }
    self.expression = expr.description
    self.variable = name
    self.point = bindings.first { $0.name == name }!.value.description
    self.bindings = bindings.filter { $0.name != name }.map { ($0.name, $0.value.description) }
    self.precision = precision
  }

  /// The rational that `a` (p bits) and `b` (2p bits) both round, as described above, or nil.
  static func rational(_ a: BigFloat, _ b: BigFloat, precision p: Int) -> Rational? {
    guard a.isFinite, b.isFinite, let exact = Rational(exactly: b) else { return nil }
    func close(_ r: Rational, _ x: BigFloat, bits: Int) -> Bool {
      let scale = BigFloat.maximum(1, x.magnitude).rounded(toPrecision: 2 * p + 64)
      return (BigFloat(r, precision: 2 * p + 64) - x).magnitude <= scale * BigFloat.pow(BigFloat(2, precision: 64), -bits)
    }
    let bound = Rational.pow(2, p / 4).numerator
    // Convergents h/k of the continued fraction of `exact`.
    var (h0, h1, k0, k1) = (BigInt(0), BigInt(1), BigInt(1), BigInt(0))
    var rest = exact
    while true {
      let n = rest.numerator, d = rest.denominator
      var q = n / d
      if n - q * d < BigInt(0) { q = q - BigInt(1) }
      (h0, h1) = (h1, q * h1 + h0)
      (k0, k1) = (k1, q * k1 + k0)
      if k1 >= bound { return nil }
      let convergent = Rational(h1, k1)
      if close(convergent, b, bits: 2 * p - 16) { return close(convergent, a, bits: p - 16) ? convergent : nil }
      let fraction = rest - Rational(q)
      if fraction.isZero { return nil }
      rest = 1 / fraction
    }
  }

  public var text: String {
    var lines = ["Taylor coefficients f^(k)(\(variable)0)/k! of \(expression) at \(variable) = \(point)"]
    if !bindings.isEmpty { lines.append("with " + bindings.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")) }
    lines.append("(\(precision) and \(2 * precision) bits; p/q: an exact rational, recognised)")
    for (k, c) in coefficients.enumerated() { lines.append("\(k): \(c.text)") }
    return lines.joined(separator: "\n")
  }

  public var json: String {
    JSON.object([
      ("expression", .string(expression)),
      ("variable", .string(variable)),
      ("point", .string(point)),
      ("at", .object(bindings.map { ($0.name, .string($0.value)) })),
      ("precision", .number(precision)),
      ("coefficients", .array(coefficients.map { c in
        .object([
          ("value", .string(c.value.decimalString(significantDigits: max(c.stableDigits, 1)))),
          ("rational", c.rational.map { .string($0.description) } ?? .null),
          ("stableDigits", .number(c.stableDigits)),
        ])
      })),
      ("mpfr", .string(Versions.mpfr)),
      ("gmp", .string(Versions.gmp)),
    ]).render() + "\n"
  }
}
