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
  /// `sweep(from:into:)`'s operations in the same order, on the adjoints and slopes as
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
    func accumulate(_ target: Int32, _ i: Int, _ code: Int32) {
      switch code {
      case Entry.one: adjoint.add(Int(target), i)
      case Entry.minusOne: adjoint.subtract(Int(target), i)
      default: adjoint.addRoundedProduct(Int(target), i, slope, Int(code))
      }
    }
    return outputs.map { output in
      guard output.tape === self else { return inputs.map { _ in BigFloat.zero } }
      adjoint.setZero()
      adjoint[output.index] = 1
      entries.withUnsafeBufferPointer { entries in
        for i in entries.indices.reversed() {
          let e = entries[i]
          if e.first >= 0 { accumulate(e.first, i, e.firstSlope) }
          if e.second >= 0 { accumulate(e.second, i, e.secondSlope) }
        }
      }
      return inputs.map { adjoint[$0] }
    }
  }
}
