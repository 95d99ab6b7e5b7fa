import CGMP
import CMPFR
#if canImport(Glibc)
import Glibc
#endif

/// An arbitrary-size integer over GMP's `mpz`, with value semantics (immutable storage).
///
/// ClaimCheck needs integers mostly as the numerator and denominator of `Rational`; the API
/// is the ring operations, division with remainder, comparison and conversion.
public struct BigInt: @unchecked Sendable {
  @usableFromInline let storage: MPZStorage

  init(storage: MPZStorage) { self.storage = storage }

  /// Calls `body` with a read-only pointer to the GMP integer.
  public func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
    try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
  }

  /// A new integer whose value `body` writes into a fresh, initialised `mpz`.
  static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
    let storage = MPZStorage.make()
    storage.withUnsafeMutablePointerToHeader(body)
    return BigInt(storage: storage)
  }

  public init(_ value: Int) {
    self = BigInt.make { __gmpz_set_si($0, value) }
  }

  public init<T: BinaryInteger>(_ value: T) {
    if let small = Int(exactly: value) {
      self.init(small)
    } else {
      // Wider than a machine word: go through the exact decimal text.
      self = try! BigInt(parsing: String(value))
    }
  }

  /// The integer value of `x`; nil unless `x` is a finite integer.
  public init?(exactly x: BigFloat) {
    guard x.isFinite else { return nil }
    var isInteger = false
    let value = BigInt.make { z in
      x.withMPFR { f in
        isInteger = mpfr_integer_p(f) != 0
        if isInteger { _ = mpfr_get_z(z, f, MPFR_RNDN) }
      }
    }
    guard isInteger else { return nil }
    self = value
  }

  /// Parses an optionally signed decimal integer.
  public init(parsing text: String) throws {
    let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw NumberFormatError(text: text, expected: "an integer such as -42")
    }
    let body = text.hasPrefix("+") ? String(digits) : text
    self = BigInt.make { z in _ = body.withCString { __gmpz_set_str(z, $0, 10) } }
  }

  /// -1, 0 or 1.
  public var signum: Int { Int(withMPZ { $0.pointee._mp_size.signum() }) }
  public var isZero: Bool { signum == 0 }

  /// The number of bits of `|self|` (0 for 0): how large an exact computation has grown.
  public var bitWidth: Int {
    isZero ? 0 : withMPZ { Int(__gmpz_sizeinbase($0, 2)) }
  }

  /// The value as an `Int`, if it fits.
  public var intValue: Int? {
    withMPZ { __gmpz_fits_slong_p($0) != 0 ? __gmpz_get_si($0) : nil }
  }
}

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
  public var description: String {
    withMPZ { z in
      let raw = __gmpz_get_str(nil, 10, z)!
      defer { gmpFree(raw) }
      return String(cString: raw)
    }
  }

  public init?(_ description: String) { try? self.init(parsing: description) }
}

extension BigInt: Equatable, Comparable, Hashable {
  public static func == (a: BigInt, b: BigInt) -> Bool { compare(a, b) == 0 }
  public static func < (a: BigInt, b: BigInt) -> Bool { compare(a, b) < 0 }

  static func compare(_ a: BigInt, _ b: BigInt) -> Int32 {
    a.withMPZ { x in b.withMPZ { y in __gmpz_cmp(x, y) } }
  }

  public func hash(into hasher: inout Hasher) {
    withMPZ { z in
      hasher.combine(z.pointee._mp_size)
      for i in 0..<Int(z.pointee._mp_size.magnitude) { hasher.combine(z.pointee._mp_d[i]) }
    }
  }
}

extension BigInt: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt {
  static func binary(
    _ a: BigInt, _ b: BigInt,
    _ op: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
  ) -> BigInt {
    a.withMPZ { x in b.withMPZ { y in BigInt.make { op($0, x, y) } } }
  }

  public static func + (a: BigInt, b: BigInt) -> BigInt { binary(a, b, __gmpz_add) }
  public static func - (a: BigInt, b: BigInt) -> BigInt { binary(a, b, __gmpz_sub) }
  public static func * (a: BigInt, b: BigInt) -> BigInt { binary(a, b, __gmpz_mul) }
  public static prefix func - (a: BigInt) -> BigInt { a.withMPZ { x in BigInt.make { __gmpz_neg($0, x) } } }

  /// The quotient rounded toward zero; `b` must not be zero.
  public static func / (a: BigInt, b: BigInt) -> BigInt {
    precondition(!b.isZero, "BigInt division by zero")
    return binary(a, b, __gmpz_tdiv_q)
  }

  /// The remainder of `/`, with the sign of `a`; `b` must not be zero.
  public static func % (a: BigInt, b: BigInt) -> BigInt {
    precondition(!b.isZero, "BigInt division by zero")
    return binary(a, b, __gmpz_tdiv_r)
  }

  /// `a^n` for `n ≥ 0`.
  public static func pow(_ a: BigInt, _ n: Int) -> BigInt {
    precondition(n >= 0, "negative power of an integer")
    return a.withMPZ { x in BigInt.make { __gmpz_pow_ui($0, x, UInt(n)) } }
  }

  /// The non-negative greatest common divisor.
  public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { binary(a, b, __gmpz_gcd) }

  public var magnitude: BigInt { withMPZ { x in BigInt.make { __gmpz_abs($0, x) } } }
}

/// The heap object behind a `BigInt` (and each half of a `Rational`): an initialised `mpz`.
@usableFromInline
final class MPZStorage: ManagedBuffer<__mpz_struct, UInt8> {
  static func make() -> MPZStorage {
    let object = unsafeDowncast(
      MPZStorage.create(minimumCapacity: 0) { _ in __mpz_struct() }, to: MPZStorage.self)
    object.withUnsafeMutablePointerToHeader { __gmpz_init($0) }
    return object
  }

  deinit {
    withUnsafeMutablePointerToHeader { __gmpz_clear($0) }
  }
}

/// Frees a string that GMP allocated, with GMP's own deallocator.
func gmpFree(_ pointer: UnsafeMutablePointer<CChar>) {
  var free: (@convention(c) (UnsafeMutableRawPointer?, Int) -> Void)? = nil
  __gmp_get_memory_functions(nil, nil, &free)
  free?(pointer, strlen(pointer) + 1)
}
