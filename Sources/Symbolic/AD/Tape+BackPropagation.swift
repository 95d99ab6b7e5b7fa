import Numeric

/// Where a sweep keeps the adjoints: node `i`'s adjoint `xᵢ`, updated as the sweep passes each
/// node's adjoint to its operands.
@usableFromInline protocol AdjointStorage {
  /// `xₜ += xₛ` (a slope of 1).
  mutating func add(_ target: Int, _ source: Int)
  /// `xₜ −= xₛ` (a slope of −1).
  mutating func subtract(_ target: Int, _ source: Int)
  /// `xₜ += xₛ · slopeₖ` with two roundings, the product's and then the sum's.
  mutating func addRoundedProduct(_ target: Int, _ source: Int, slope k: Int)
}

extension Tape {
  /// The backward sweep over every node, last to first, with the adjoints seeded in `adjoint`:
  /// each node's adjoint goes to its operands by its slopes, whose products are skipped for
  /// `±1` (exact, so the bits are the same as multiplying).
  @inlinable func backPropagate<A: AdjointStorage>(into adjoint: inout A) {
    entries.withUnsafeBufferPointer { entries in
      for i in entries.indices.reversed() {
        let e = entries[i]
        if e.first >= 0 { Self.pass(i, to: Int(e.first), by: e.firstSlope, into: &adjoint) }
        if e.second >= 0 { Self.pass(i, to: Int(e.second), by: e.secondSlope, into: &adjoint) }
      }
    }
  }

  @inlinable static func pass<A: AdjointStorage>(_ source: Int, to target: Int, by code: Int32, into adjoint: inout A) {
    switch code {
    case Entry.one: adjoint.add(target, source)
    case Entry.minusOne: adjoint.subtract(target, source)
    default: adjoint.addRoundedProduct(target, source, slope: Int(code))
    }
  }
}

/// Adjoints as an array of `T`, the slopes read in place: the sweep for every scalar type.
@usableFromInline struct ArrayAdjoints<T: Scalar>: AdjointStorage {
  @usableFromInline var values: [T]
  @usableFromInline let slopes: UnsafeBufferPointer<T>

  @inlinable init(values: [T], slopes: UnsafeBufferPointer<T>) {
    (self.values, self.slopes) = (values, slopes)
  }

  @inlinable mutating func add(_ target: Int, _ source: Int) {
    let a = values[source]
    values[target] += a
  }
  @inlinable mutating func subtract(_ target: Int, _ source: Int) {
    let a = values[source]
    values[target] -= a
  }
  @inlinable mutating func addRoundedProduct(_ target: Int, _ source: Int, slope k: Int) {
    let a = values[source]
    values[target].addRoundedProduct(a, slopes[k])
  }
}
