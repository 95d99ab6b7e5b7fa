import Numeric

/// The record of a reverse-mode computation: for each intermediate value, its (at most two)
/// operands and the partial derivatives with respect to them. One tape belongs to one gradient
/// computation on one task; it is not safe to share between threads.
public final class Tape<T: Scalar>: @unchecked Sendable {
  @usableFromInline struct Entry {
    @usableFromInline let first: Int
    @usableFromInline let firstSlope: T
    @usableFromInline let second: Int
    @usableFromInline let secondSlope: T?
  }

  @usableFromInline var entries: [Entry] = []

  public init() {}

  /// Records a node; `-1` marks a missing operand. Returns the node's index.
  @usableFromInline func record(_ first: Int, _ firstSlope: T, _ second: Int = -1, _ secondSlope: T? = nil) -> Int {
    entries.append(Entry(first: first, firstSlope: firstSlope, second: second, secondSlope: secondSlope))
    return entries.count - 1
  }

  /// A new independent variable at `x`.
  public func variable(_ x: T) -> Reverse<T> { Reverse(x, index: record(-1, 0), tape: self) }

  /// `∂output/∂node` for every node, by one backward sweep over the tape.
  public func adjoints(of output: Reverse<T>) -> [T] {
    var adjoint = [T](repeating: 0, count: entries.count)
    guard output.tape === self else { return adjoint }
    adjoint[output.index] = 1
    for i in entries.indices.reversed() {
      let e = entries[i]
      if e.first >= 0 { adjoint[e.first] += adjoint[i] * e.firstSlope }
      if e.second >= 0, let s = e.secondSlope { adjoint[e.second] += adjoint[i] * s }
    }
    return adjoint
  }
}

/// A reverse-mode scalar: a value and its node on a `Tape`. Any generic function written over
/// `Scalar` (an MLP loss over matrices, say) records itself when run on `Reverse` values, and one
/// backward sweep then gives the gradient with respect to every input.
/// Values made from constants are on no tape and have zero derivative.
public struct Reverse<T: Scalar>: ChainRuleScalar {
  public let value: T
  @usableFromInline let index: Int
  @usableFromInline let tape: Tape<T>?

  @inlinable init(_ value: T, index: Int, tape: Tape<T>?) {
    self.value = value
    self.index = index
    self.tape = tape
  }

  @inlinable public init(constant: T) { self.init(constant, index: -1, tape: nil) }

  @inlinable public static func chain(_ x: Reverse, value: T, slope: T) -> Reverse {
    guard let tape = x.tape else { return Reverse(constant: value) }
    return Reverse(value, index: tape.record(x.index, slope), tape: tape)
  }

  @inlinable public static func chain(_ x: Reverse, _ y: Reverse, value: T, slopes: (T, T)) -> Reverse {
    switch (x.tape, y.tape) {
    case (nil, nil): return Reverse(constant: value)
    case (let tape?, nil): return Reverse(value, index: tape.record(x.index, slopes.0), tape: tape)
    case (nil, let tape?): return Reverse(value, index: tape.record(y.index, slopes.1), tape: tape)
    case (let tape?, let other?):
      precondition(tape === other, "Reverse values from different tapes were combined")
      return Reverse(value, index: tape.record(x.index, slopes.0, y.index, slopes.1), tape: tape)
    }
  }

  @inlinable public var isFinite: Bool { value.isFinite }

  public var description: String { value.description }
}

/// The value of `f` at `point` and its gradient, by reverse mode: one recording run of `f` and
/// one backward sweep, whatever the number of inputs.
public func gradient<T: Scalar>(
  of f: ([Reverse<T>]) -> Reverse<T>, at point: [T]
) -> (value: T, gradient: [T]) {
  let tape = Tape<T>()
  let inputs = point.map(tape.variable)
  let output = f(inputs)
  let adjoint = tape.adjoints(of: output)
  return (output.value, inputs.map { adjoint[$0.index] })
}
