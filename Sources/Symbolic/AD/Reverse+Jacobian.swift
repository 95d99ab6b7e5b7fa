import Numeric

/// The values of `f` at `point` and its Jacobian `∂fᵢ/∂xⱼ` (one row per output), by reverse
/// mode: one recording run of `f` and one backward sweep per output, whatever the number of
/// inputs, so it suits maps with few outputs and many inputs (forward mode,
/// `Dual+Jacobian.swift`, suits the opposite).
@inlinable
public func jacobian<T: Scalar>(
  of f: ([Reverse<T>]) -> [Reverse<T>], at point: [T]
) -> (value: [T], jacobian: Matrix<T>) {
  let tape = Tape<T>()
  let inputs = point.map(tape.variable)
  let outputs = f(inputs)
  let rows = tape.inputAdjoints(of: outputs, inputs: inputs.map(\.index))
  return (outputs.map(\.value), Matrix(rowCount: outputs.count, columnCount: point.count,
    entries: rows.flatMap { $0 }))
}
