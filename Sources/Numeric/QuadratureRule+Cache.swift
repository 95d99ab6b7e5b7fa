import Synchronization

extension QuadratureRule {
  /// The `n`-point rule of `family` at the working precision, computed by `compute` on first
  /// use and cached per (family, scalar type, n, `Precision.bits`).
  ///
  /// The cache is shared by concurrent tasks behind a mutex; the lock is not held while a rule
  /// is computed, so two tasks may both compute the same rule, and either result is kept.
  static func cached(
    _ family: String, _ n: Int, compute: () throws -> QuadratureRule
  ) rethrows -> QuadratureRule {
    let key = QuadratureCacheKey(
      family: family, type: ObjectIdentifier(T.self), points: n, bits: Precision.bits)
    if let rule = quadratureCache.withLock({ $0[key] }) as? QuadratureRule { return rule }
    let rule = try compute()
    quadratureCache.withLock { $0[key] = rule }
    return rule
  }
}

struct QuadratureCacheKey: Hashable, Sendable {
  let family: String
  let type: ObjectIdentifier
  let points: Int
  let bits: Int
}

private let quadratureCache = Mutex<[QuadratureCacheKey: any Sendable]>([:])
