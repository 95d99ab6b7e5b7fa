import Synchronization

extension QuadratureRule {
  /// The `n`-point rule of `family` at the working precision, computed by `compute` on first
  /// use and cached per (family, scalar type, n, `Precision.bits`).
  static func cached(
    _ family: String, _ n: Int, compute: () throws -> QuadratureRule
  ) rethrows -> QuadratureRule {
    try cachedQuadratureTable(family, T.self, n, compute: compute)
  }
}

/// A table of nodes and weights (`value`) of `family` for scalar type `type`, indexed by `n`
/// (a point count, a refinement level) at the working precision, computed by `compute` on first
/// use and cached per (family, type, n, `Precision.bits`).
///
/// The cache is shared by concurrent tasks behind a mutex; the lock is not held while a table
/// is computed, so two tasks may both compute the same one, and either result is kept.
func cachedQuadratureTable<T, Value: Sendable>(
  _ family: String, _ type: T.Type, _ n: Int, compute: () throws -> Value
) rethrows -> Value {
  let key = QuadratureCacheKey(
    family: family, type: ObjectIdentifier(type), points: n, bits: Precision.bits)
  if let table = quadratureCache.withLock({ $0[key] }) as? Value { return table }
  let table = try compute()
  quadratureCache.withLock { $0[key] = table }
  return table
}

struct QuadratureCacheKey: Hashable, Sendable {
  let family: String
  let type: ObjectIdentifier
  let points: Int
  let bits: Int
}

private let quadratureCache = Mutex<[QuadratureCacheKey: any Sendable]>([:])
