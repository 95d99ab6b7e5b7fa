import CGMP
import CMPFR

/// An exact rational number `p/q` over GMP's `mpq`, always canonical (`gcd(p, q) = 1`,
/// `q > 0`), with value semantics.
///
/// Division by zero is a programming error and stops with a message; text such as `1/0`
/// is rejected by `init(parsing:)` with a thrown `NumberFormatError`.
public struct Rational: @unchecked Sendable {
  @usableFromInline let storage: MPQStorage

  init(storage: MPQStorage) { self.storage = storage }

  /// Calls `body` with a read-only pointer to the canonical GMP rational.
  public func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
    try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
  }

  /// A new rational whose value `body` writes; canonicalised afterwards when `canonicalize`.
  static func make(
    canonicalize: Bool = false, _ body: (UnsafeMutablePointer<__mpq_struct>) -> Void
  ) -> Rational {
    let storage = MPQStorage.make()
    storage.withUnsafeMutablePointerToHeader { q in
      body(q)
      if canonicalize { __gmpq_canonicalize(q) }
    }
    return Rational(storage: storage)
  }

  public init(_ value: Int) {
    self = Rational.make { __gmpq_set_si($0, value, 1) }
  }

  public init(_ value: BigInt) {
    self = value.withMPZ { z in Rational.make { __gmpq_set_z($0, z) } }
  }

  /// `numerator / denominator`, reduced; the denominator must not be zero.
  public init(_ numerator: BigInt, _ denominator: BigInt) {
    precondition(!denominator.isZero, "Rational with zero denominator")
    self = numerator.withMPZ { p in
      denominator.withMPZ { q in
        Rational.make(canonicalize: true) { r in
          __gmpz_set(&r.pointee._mp_num, p)
          __gmpz_set(&r.pointee._mp_den, q)
        }
      }
    }
  }

  /// `numerator / denominator`, reduced; the denominator must not be zero.
  public init(_ numerator: Int, _ denominator: Int) {
    self.init(BigInt(numerator), BigInt(denominator))
  }

  /// The exact value of a finite binary64 number.
  public init?(exactly value: Double) {
    guard value.isFinite else { return nil }
    self = Rational.make { __gmpq_set_d($0, value) }
  }

  /// The exact value of a finite `BigFloat` (every binary floating-point number is rational).
  public init?(exactly value: BigFloat) {
    guard value.isFinite else { return nil }
    self = Rational.make { q in value.withMPFR { mpfr_get_q(q, $0) } }
  }

  /// Parses `p`, `p/q`, or an exact decimal such as `-1.25` or `3e-4`.
  public init(parsing text: String) throws {
    let error = NumberFormatError(text: text, expected: "a rational such as -3/4, 7 or 1.25e-3")
    if let slash = text.firstIndex(of: "/") {
      guard let p = BigInt(String(text[..<slash])),
        let q = BigInt(String(text[text.index(after: slash)...])), !q.isZero
      else { throw error }
      self.init(p, q)
      return
    }
    var mantissa = Substring(text)
    var scale = 0
    if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let exponent = Int(mantissa[mantissa.index(after: e)...]), exponent.magnitude < 100_000
      else { throw error }
      scale = exponent
      mantissa = mantissa[..<e]
    }
    if let point = mantissa.firstIndex(of: ".") {
      let fraction = mantissa[mantissa.index(after: point)...]
      guard !fraction.contains(where: { !$0.isNumber }) else { throw error }
      scale -= fraction.count
      mantissa = mantissa[..<point] + fraction
    }
    guard let digits = BigInt(String(mantissa)) else { throw error }
    let ten = Rational(10)
    self = Rational(digits) * Rational.pow(ten, scale)
  }

  public var numerator: BigInt {
    withMPQ { q in BigInt.make { __gmpz_set($0, &UnsafeMutablePointer(mutating: q).pointee._mp_num) } }
  }

  public var denominator: BigInt {
    withMPQ { q in BigInt.make { __gmpz_set($0, &UnsafeMutablePointer(mutating: q).pointee._mp_den) } }
  }

  /// -1, 0 or 1.
  public var signum: Int { Int(withMPQ { $0.pointee._mp_num._mp_size.signum() }) }
  public var isZero: Bool { signum == 0 }
  public var isInteger: Bool { denominator == 1 }

  /// The nearest binary64 value (correctly rounded, via MPFR).
  public var doubleValue: Double { BigFloat(self, precision: 53).doubleValue }
}

extension Rational: CustomStringConvertible, LosslessStringConvertible {
  /// `p/q`, or `p` for integers.
  public var description: String {
    isInteger ? numerator.description : "\(numerator)/\(denominator)"
  }

  public init?(_ description: String) { try? self.init(parsing: description) }
}

extension Rational: Equatable, Comparable, Hashable {
  public static func == (a: Rational, b: Rational) -> Bool {
    a.withMPQ { x in b.withMPQ { y in __gmpq_equal(x, y) != 0 } }
  }

  public static func < (a: Rational, b: Rational) -> Bool {
    a.withMPQ { x in b.withMPQ { y in __gmpq_cmp(x, y) < 0 } }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(numerator)
    hasher.combine(denominator)
  }
}

extension Rational: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational {
  static func binary(
    _ a: Rational, _ b: Rational,
    _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
  ) -> Rational {
    a.withMPQ { x in b.withMPQ { y in Rational.make { op($0, x, y) } } }
  }

  public static func + (a: Rational, b: Rational) -> Rational { binary(a, b, __gmpq_add) }
  public static func - (a: Rational, b: Rational) -> Rational { binary(a, b, __gmpq_sub) }
  public static func * (a: Rational, b: Rational) -> Rational { binary(a, b, __gmpq_mul) }

  /// `a / b`; `b` must not be zero.
  public static func / (a: Rational, b: Rational) -> Rational {
    precondition(!b.isZero, "Rational division by zero")
    return binary(a, b, __gmpq_div)
  }

  public static prefix func - (a: Rational) -> Rational {
    a.withMPQ { x in Rational.make { __gmpq_neg($0, x) } }
  }

  public static func += (a: inout Rational, b: Rational) { a = a + b }
  public static func -= (a: inout Rational, b: Rational) { a = a - b }
  public static func *= (a: inout Rational, b: Rational) { a = a * b }
  public static func /= (a: inout Rational, b: Rational) { a = a / b }

  public var magnitude: Rational { withMPQ { x in Rational.make { __gmpq_abs($0, x) } } }

  /// `a^n` for any integer `n` (`a ≠ 0` when `n < 0`), exact.
  public static func pow(_ a: Rational, _ n: Int) -> Rational {
    if n < 0 { return Rational(1) / pow(a, -n) }
    let p = BigInt.pow(a.numerator, n)
    let q = BigInt.pow(a.denominator, n)
    return p.withMPZ { x in
      q.withMPZ { y in
        Rational.make { r in
          __gmpz_set(&r.pointee._mp_num, x)
          __gmpz_set(&r.pointee._mp_den, y)
        }
      }
    }
  }
}

/// The heap object behind a `Rational`: an initialised `mpq`.
@usableFromInline
final class MPQStorage: ManagedBuffer<__mpq_struct, UInt8> {
  static func make() -> MPQStorage {
    let object = unsafeDowncast(
      MPQStorage.create(minimumCapacity: 0) { _ in __mpq_struct() }, to: MPQStorage.self)
    object.withUnsafeMutablePointerToHeader { __gmpq_init($0) }
    return object
  }

  deinit {
    withUnsafeMutablePointerToHeader { __gmpq_clear($0) }
  }
}

extension BigInt {
  /// The GMP library version, e.g. `6.2.1`.
  public static var gmpVersion: String { String(cString: __gmp_version) }
}
