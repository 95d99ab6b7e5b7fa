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

/// Nodes and weights computed by `compute` in `BigFloat` at `T`'s working precision and
/// converted (exactly, through `Rational`) into `T`, cached like ``cachedQuadratureTable``: a
/// derivative scalar (`Dual`, `Jet`, `Reverse`) would otherwise compute its own tables in its
/// own, slower arithmetic, for the same numbers.
func cachedConvertedTable<T: Scalar>(
  _ family: String, _ type: T.Type, _ n: Int, compute: () throws -> (nodes: [BigFloat], weights: [BigFloat])
) rethrows -> (nodes: [T], weights: [T]) {
  let table = try cachedQuadratureTable(family, T.self, n) {
    let (nodes, weights) = try withPrecision(workingBits(T.self), compute)
    let convert = { (x: BigFloat) in T(Rational(exactly: x)!) }
    return ConvertedTable(nodes: nodes.map(convert), weights: weights.map(convert))
  }
  return (table.nodes, table.weights)
}

/// The significand bits `p` of `T`'s working precision, from its `workingEpsilon = 2^(1 − p)`.
private func workingBits<T: Scalar>(_ type: T.Type) -> Int {
  1 + Int((-T.log(T.workingEpsilon).doubleValue / 0.6931471805599453).rounded())
}

private struct ConvertedTable<T: Scalar>: Sendable {
  let nodes: [T]
  let weights: [T]
}

struct QuadratureCacheKey: Hashable, Sendable {
  let family: String
  let type: ObjectIdentifier
  let points: Int
  let bits: Int
}

private let quadratureCache = Mutex<[QuadratureCacheKey: any Sendable]>([:])
