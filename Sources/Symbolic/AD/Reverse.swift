import Numeric

/// The record of a reverse-mode computation: for each intermediate value, its (at most two)
/// operands and the partial derivatives with respect to them. One tape belongs to one gradient
/// computation on one task; it is not safe to share between threads.
///
/// Layout: a node is 16 bytes of indices (``Entry``); only its general slopes are values, kept
/// in `slopes` in recording order. With both slopes inline a `BigFloat` node was 232 bytes,
/// with the unread ±1 of every sum and difference among them: transformer's deepest run
/// peaked at 840 MB and spent 3 s of system time faulting in the doubling copies (600 MB and
/// 1.5 s with this layout).
public final class Tape<T: Scalar>: @unchecked Sendable {
  /// How the sweep applies a slope: sums and differences, about half of a typical tape (every
  /// term of a dot product), have slopes ±1, whose products the sweep skips. Only `Reverse`'s
  /// own `+` and `−` say so: a slope cannot be tested for 1, since a `Dual` slope compares by
  /// its value alone.
  @usableFromInline enum SlopeKind: UInt8 {
    case general, one, minusOne
  }

  /// A node's operands (`-1`: none) and how to apply each one's slope: `Entry.one`,
  /// `Entry.minusOne`, or the slope's index in `slopes`. Indices fit 32 bits: a tape of 2³¹
  /// nodes would need 32 GB of entries alone.
  @usableFromInline struct Entry {
    @usableFromInline let first: Int32
    @usableFromInline let second: Int32
    @usableFromInline let firstSlope: Int32
    @usableFromInline let secondSlope: Int32

    @usableFromInline static var one: Int32 { -1 }
    @usableFromInline static var minusOne: Int32 { -2 }

    @inlinable init(first: Int, firstSlope: Int32, second: Int, secondSlope: Int32) {
      self.first = Int32(first)
      self.second = Int32(second)
      self.firstSlope = firstSlope
      self.secondSlope = secondSlope
    }
  }

  @usableFromInline var entries: [Entry] = []
  /// The general slopes, indexed by the entries.
  @usableFromInline var slopes: [T] = []

  public init() {}

  /// Room for `nodes` entries with general slopes, for callers that record the same
  /// operations again (one tape per column of a Hessian).
  @inlinable func reserveCapacity(nodes: Int, slopes slopeCount: Int) {
    entries.reserveCapacity(nodes)
    slopes.reserveCapacity(slopeCount)
  }

  /// Stores a general slope; its index is the code an `Entry` holds for it.
  @inlinable func appendSlope(_ slope: T) -> Int32 {
    slopes.append(slope)
    return Int32(slopes.count - 1)
  }

  /// Records a node; `-1` marks a missing operand. Returns the node's index.
  @inlinable func record(_ first: Int, _ firstSlope: T, _ second: Int = -1, _ secondSlope: T? = nil) -> Int {
    let firstCode = first >= 0 ? appendSlope(firstSlope) : 0
    let secondCode = second >= 0 ? secondSlope.map(appendSlope) ?? 0 : 0
    entries.append(Entry(
      first: first, firstSlope: firstCode, second: secondSlope == nil ? -1 : second,
      secondSlope: secondCode))
    return entries.count - 1
  }

  /// Records a node whose slopes are ±1 (`kinds`), as `x ± y` and `−x` have.
  @inlinable func record(_ first: Int, _ second: Int, kinds: (SlopeKind, SlopeKind)) -> Int {
    func code(_ kind: SlopeKind) -> Int32 { kind == .minusOne ? Entry.minusOne : Entry.one }
    entries.append(Entry(first: first, firstSlope: code(kinds.0), second: second, secondSlope: code(kinds.1)))
    return entries.count - 1
  }

  /// A new independent variable at `x`.
  @inlinable public func variable(_ x: T) -> Reverse<T> { Reverse(x, index: record(-1, 0), tape: self) }

  /// `∂output/∂node` for every node, by one backward sweep over the tape.
  @inlinable public func adjoints(of output: Reverse<T>) -> [T] {
    var adjoint = [T](repeating: 0, count: entries.count)
    sweep(from: output, into: &adjoint)
    return adjoint
  }

  /// `adjoints(of:)` into `adjoint`, which holds one value per node and is overwritten: callers
  /// that sweep once per output (`inputAdjoints(of:inputs:)`) reuse one buffer instead of allocating
  /// and faulting in a new one each time.
  ///
  /// Inlinable so that the sweep is specialized for the caller's `T` (generic, every entry was
  /// copied through value witnesses).
  @inlinable func sweep(from output: Reverse<T>, into adjoint: inout [T]) {
    precondition(adjoint.count == entries.count, "one adjoint per node")
    let zero = T.zero
    for i in adjoint.indices { adjoint[i] = zero }
    guard output.tape === self else { return }
    adjoint[output.index] = 1
    slopes.withUnsafeBufferPointer { slopes in
      var storage = ArrayAdjoints(values: [], slopes: slopes)
      swap(&storage.values, &adjoint)
      backPropagate(into: &storage)
      swap(&storage.values, &adjoint)
    }
  }
}

/// A reverse-mode scalar: a value and its node on a `Tape`. Any generic function written over
/// `Scalar` (an MLP loss over matrices, say) records itself when run on `Reverse` values, and one
/// backward sweep then gives the gradient with respect to every input.
/// Values made from constants are on no tape and have zero derivative.
public struct Reverse<T: Scalar>: ChainRuleScalar {
  /// `value`, mutable only where a node's own update keeps the tape consistent
  /// (`addRoundedProduct`).
  @usableFromInline var primal: T
  @usableFromInline var index: Int
  @usableFromInline var tape: Tape<T>?

  @inlinable public var value: T { primal }

  @inlinable init(_ value: T, index: Int, tape: Tape<T>?) {
    self.primal = value
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

  /// `x ± y` (and `−x`, with no `y`) with their unit slopes marked for the sweep: the same
  /// values and adjoints as `chain` with slopes ±1.
  @inlinable static func unit(
    _ x: Reverse, _ y: Reverse?, value: T, kinds: (Tape<T>.SlopeKind, Tape<T>.SlopeKind)
  ) -> Reverse {
    switch (x.tape, y?.tape) {
    case (nil, nil): return Reverse(constant: value)
    case (let tape?, nil): return Reverse(value, index: tape.record(x.index, -1, kinds: (kinds.0, .general)), tape: tape)
    case (nil, let tape?): return Reverse(value, index: tape.record(y!.index, -1, kinds: (kinds.1, .general)), tape: tape)
    case (let tape?, let other?):
      precondition(tape === other, "Reverse values from different tapes were combined")
      return Reverse(value, index: tape.record(x.index, y!.index, kinds: kinds), tape: tape)
    }
  }

  @inlinable public static func + (a: Reverse, b: Reverse) -> Reverse {
    unit(a, b, value: a.value + b.value, kinds: (.one, .one))
  }
  @inlinable public static func - (a: Reverse, b: Reverse) -> Reverse {
    unit(a, b, value: a.value - b.value, kinds: (.one, .minusOne))
  }
  @inlinable public static prefix func - (a: Reverse) -> Reverse {
    unit(a, nil, value: -a.value, kinds: (.minusOne, .general))
  }

  @inlinable public var isFinite: Bool { value.isFinite }

  public var description: String { value.description }
}

/// The value of `f` at `point` and its gradient, by reverse mode: one recording run of `f` and
/// one backward sweep, whatever the number of inputs.
@inlinable
public func gradient<T: Scalar>(
  of f: ([Reverse<T>]) -> Reverse<T>, at point: [T]
) -> (value: T, gradient: [T]) {
  let tape = Tape<T>()
  let inputs = point.map(tape.variable)
  let output = f(inputs)
  return (output.value, tape.inputAdjoints(of: [output], inputs: inputs.map(\.index))[0])
}
