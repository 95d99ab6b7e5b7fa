import Numeric

extension Tape {
  /// `∂output/∂input` for each output (one row each) and each input node, by one backward
  /// sweep per output: on `BigFloat` tapes in MPFR's own storage when that gives the same bits
  /// (`bufferedInputAdjoints`), otherwise by `sweep(from:into:)` into one reused array.
  @inlinable func inputAdjoints(of outputs: [Reverse<T>], inputs: [Int]) -> [[T]] {
    if let tape = self as? Tape<BigFloat>,
      let rows = tape.bufferedInputAdjoints(of: outputs as! [Reverse<BigFloat>], inputs: inputs)
    {
      return rows as! [[T]]
    }
    var adjoint = [T](repeating: 0, count: entries.count)
    return outputs.map { output in
      sweep(from: output, into: &adjoint)
      return inputs.map { adjoint[$0] }
    }
  }
}

extension Tape where T == BigFloat {
  /// `sweep(from:into:)`'s back-propagation, on the adjoints and slopes as
  /// ``BigFloatBuffer``s of the working precision: no value copied, retained or made unique
  /// per update. The bits are the generic sweep's when no slope has more than the working
  /// precision, since then every adjoint there has exactly it too; nil otherwise.
  ///
  /// transformer's kernel (`bench claims`: the 32 sweeps of one attention stack's tape) spent
  /// two thirds of its time in the generic sweep, half of it outside MPFR.
  @inlinable func bufferedInputAdjoints(of outputs: [Reverse<BigFloat>], inputs: [Int]) -> [[BigFloat]]? {
    let bits = Precision.bits
    guard slopes.allSatisfy({ $0.precision <= bits }) else { return nil }
    let slope = BigFloatBuffer(slopes, precision: bits)
    let adjoint = BigFloatBuffer(count: entries.count, precision: bits)
    var storage = BufferAdjoints(values: adjoint, slopes: slope)
    return outputs.map { output in
      guard output.tape === self else { return inputs.map { _ in BigFloat.zero } }
      adjoint.setZero()
      adjoint[output.index] = 1
      backPropagate(into: &storage)
      return inputs.map { adjoint[$0] }
    }
  }
}

/// Adjoints and slopes in ``BigFloatBuffer``s: the sweep's storage on `BigFloat` tapes.
@usableFromInline struct BufferAdjoints: AdjointStorage {
  @usableFromInline let values: BigFloatBuffer
  @usableFromInline let slopes: BigFloatBuffer

  @inlinable init(values: BigFloatBuffer, slopes: BigFloatBuffer) {
    (self.values, self.slopes) = (values, slopes)
  }

  @inlinable func add(_ target: Int, _ source: Int) { values.add(target, source) }
  @inlinable func subtract(_ target: Int, _ source: Int) { values.subtract(target, source) }
  @inlinable func addRoundedProduct(_ target: Int, _ source: Int, slope k: Int) {
    values.addRoundedProduct(target, source, slopes, k)
  }
}
