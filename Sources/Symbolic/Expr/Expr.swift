import Numeric

/// An immutable real expression in canonical form.
///
/// Nodes are exact rationals, the named constants π and e, variables, n-ary sums and
/// products, powers `bᵉ`, unary function applications and integrals (which bind a variable). Values are built only through the
/// smart constructors (`Expr+Construction.swift`), which keep every node canonical, so two
/// expressions that the canonicaliser identifies are equal as values and simplification is
/// construction itself, which always terminates.
///
/// Subtrees are shared by reference, so an expression is a DAG; each node caches its hash, so
/// equality of distinct subtrees is usually decided in O(1).
public final class Expr: Sendable {
  /// A named mathematical constant, kept symbolic.
  public enum Constant: String, Sendable, Hashable, CaseIterable {
    case pi, e
  }

  /// The canonical node kinds. Invariants, kept by the smart constructors:
  /// - `sum`: ≥ 2 terms, none a sum; at most one rational, first; like terms collected (to
  ///   `0·t` if they cancel and t is not total); other terms sorted by their non-coefficient part.
  /// - `product`: ≥ 2 factors, none a product; at most one rational (≠ 1), first, and 0 only
  ///   before factors that are not total, and none that is (`0·√x` is NaN for x < 0); like bases
  ///   collected into powers where that is sound (`√x·√x` stays `(√x)²`, `x/x` is
  ///   `nonzero(x)`); factors sorted by base.
  /// - `power`: exponent ≠ 0, 1; base ≠ 0, 1.
  public enum Node: Sendable, Hashable {
    case rational(Rational)
    case constant(Constant)
    case variable(String)
    case sum([Expr])
    case product([Expr])
    case power(Expr, Expr)
    case apply(Function, Expr)
    case integral(Integral)
  }

  public let node: Node
  /// `node.hashValue`, cached because canonicalisation hashes subtrees constantly.
  private let cachedHash: Int
  /// One bit per variable name (by hash, mod 64), OR-ed over the subtree: a clear bit proves
  /// the expression does not depend on that variable, so derivatives skip it in O(1).
  private let variableBits: UInt64
  /// The sign wherever the expression is defined (`Expr+Domain.swift`).
  let sign: Sign
  /// Defined and finite at every real point (`Expr+Domain.swift`).
  let isTotal: Bool

  /// Wraps a node that is already canonical; everything else goes through the constructors.
  init(_ node: Node) {
    self.node = node
    self.cachedHash = node.hashValue
    switch node {
    case .rational, .constant: variableBits = 0
    case .variable(let name): variableBits = Expr.bit(name)
    case .sum(let xs), .product(let xs): variableBits = xs.reduce(0) { $0 | $1.variableBits }
    case .power(let b, let x): variableBits = b.variableBits | x.variableBits
    case .apply(_, let u): variableBits = u.variableBits
    // The bound variable's bit is not inherited: d/dx ∫ f dx (x bound, not free) is 0 in O(1).
    case .integral(let i): variableBits = i.freeVariables.reduce(0) { $0 | Expr.bit($1) }
    }
    sign = Expr.sign(of: node)
    isTotal = Expr.isTotal(node)
  }

  private static func bit(_ name: String) -> UInt64 { 1 << UInt64(UInt(bitPattern: name.hashValue) % 64) }

  /// False only if the expression certainly does not contain `variable`.
  func mayDependOn(_ variable: String) -> Bool { variableBits & Expr.bit(variable) != 0 }

  /// The distinct variables the expression depends on, sorted.
  public var freeVariables: [String] {
    var seen = Set<ObjectIdentifier>()
    var names = Set<String>()
    func visit(_ e: Expr) {
      guard seen.insert(ObjectIdentifier(e)).inserted else { return }
      switch e.node {
      case .rational, .constant: break
      case .variable(let name): names.insert(name)
      case .sum(let xs), .product(let xs): xs.forEach(visit)
      case .power(let b, let x): visit(b); visit(x)
      case .apply(_, let u): visit(u)
      // Not by `visit`: a subtree shared with the integrand has the bound variable free there
      // but not here, so the integral's variables are its own.
      case .integral(let i): names.formUnion(i.freeVariables)
      }
    }
    visit(self)
    return names.sorted()
  }

  // Shared constants: canonicalisation produces and tests for these constantly, and building
  // a fresh one costs GMP allocations and a hash.
  static let zero = Expr(.rational(0))
  static let one = Expr(.rational(1))
  static let minusOne = Expr(.rational(-1))
  static let rationalOne = Rational(1)

  var isZero: Bool { rationalValue?.isZero ?? false }
  var isOne: Bool { rationalValue.map { $0 == Expr.rationalOne } ?? false }

  /// The rational value, if the expression is a rational constant.
  public var rationalValue: Rational? {
    if case .rational(let r) = node { return r }
    return nil
  }
}

extension Expr: Hashable {
  public static func == (a: Expr, b: Expr) -> Bool {
    a === b || (a.cachedHash == b.cachedHash && a.node == b.node)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(cachedHash) }
}
