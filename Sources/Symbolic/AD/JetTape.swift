import Numeric

/// A record of the jet operations of one function evaluation, in evaluation order, that
/// computes their Taylor coefficients one order at a time: lazy coefficient evaluation.
///
/// `TaylorIntegrator` needs the coefficients of `f(y(t))` where coefficient k of `y` is known
/// only once coefficient k − 1 of `f` is. Re-evaluating `f` on ever longer jets redoes every
/// lower coefficient (O(K³) per step). Instead `f` runs once on `variable(_:)`s holding only the
/// values; each jet operation then appears here with its value and its operands, and
/// `computeCoefficients(order:)` runs every operation's `TaylorRecurrence` for that one order:
/// O(k) per operation, O(K²) to order K, with the same rounding as the eager jets.
///
/// What is recorded is what the function did at the recorded values: jets compare by value, so
/// branches are fixed by them, exactly as an eager evaluation at those values would be. A jet
/// the function builds from raw coefficients (`Jet(coefficients:)`) is a constant to the tape.
/// Jets recorded here must not be combined with another tape's.
///
/// Not thread-safe: a tape belongs to the one synchronous evaluation that records into it (it
/// is `Sendable` only because `Jet` must be).
@usableFromInline final class JetTape<T: Scalar>: @unchecked Sendable {
  @usableFromInline enum Operation {
    /// An independent variable, whose coefficients the caller appends (`append(_:to:)`).
    case variable
    /// A series that does not depend on the variables, zero beyond its stored coefficients.
    case constant
    case sum(Int, Int)
    case difference(Int, Int)
    case negation(Int)
    case product(Int, Int)
    case quotient(Int, Int)
    case squareRoot(Int)
    /// `uʳ`, with `r` the value of the constant operation `exponent`: no case carries a `T`,
    /// so reading an operation copies plain integers (with a `T` payload every read of the
    /// enum was an outlined copy, ~7 % of a Taylor step).
    case power(Int, exponent: Int)
    /// `y′ = ±w·u′` with `w` the series at `weight` (possibly a later operation).
    case primitive(Int, weight: Int, negated: Bool)
    /// `q·y′ = u′`.
    case quotientPrimitive(Int, denominator: Int)
    /// `1 ± y²`.
    case onePlusSquare(Int, negated: Bool)
    /// The coefficient matrices of `(GᵀG + εI)^{−1/2}` (entries in the following
    /// `rowCount²` operations, each an `.output`), by `gramInverseSquareRoots[index]`.
    case gramInverseSquareRoot(Int)
    /// The entries of a matrix product (in the following `rowCount·columnCount` operations,
    /// each an `.output`), by `matrixProducts[index]`.
    case matrixProduct(Int)
    /// An entry of a multi-output operation, computed by that operation.
    case output
  }

  @usableFromInline var operations: [Operation] = []
  /// The coefficients computed so far, one series per operation.
  @usableFromInline var series: [[T]] = []
  /// `integers[j] = T(j)`, grown on demand.
  @usableFromInline var integers: [T] = []
  @usableFromInline var gramInverseSquareRoots: [GramInverseSquareRootSeries<T>] = []
  @usableFromInline var matrixProducts: [JetMatrixProduct] = []

  @inlinable init() {}

  /// The independent variable with value `value`.
  @inlinable func variable(_ value: T) -> Jet<T> { jet(append(.variable, [value])) }

  /// Appends the next coefficient of a variable made by `variable(_:)`.
  @inlinable func append(_ coefficient: T, to variable: Jet<T>) {
    guard let index = variable.recording?.index, case .variable = operations[index] else {
      preconditionFailure("only variables of the tape take coefficients from outside")
    }
    series[index].append(coefficient)
  }

  /// Coefficient `k` of a jet that the recorded function returned (recorded or constant).
  @inlinable func coefficient(_ k: Int, of jet: Jet<T>) -> T {
    guard let recording = jet.recording else { return jet[k] }
    precondition(recording.tape === self, "a jet of another tape")
    return series[recording.index][k]
  }

  /// Makes room for coefficients `0…order` in every series that grows, so that computing one
  /// order at a time neither reallocates nor copies (a `BigFloat` is 104 bytes: the doubling
  /// copies and the fresh pages they touched were ~5 % of a Taylor step).
  @inlinable func reserveCapacity(order: Int) {
    for i in operations.indices {
      if case .constant = operations[i] { continue }
      series[i].reserveCapacity(order + 1)
    }
  }

  /// Coefficient `k` of every recorded operation, from coefficients `0…k` of the variables and
  /// `0…k−1` of everything else.
  @inlinable func computeCoefficients(order k: Int) {
    precondition(k >= 1, "coefficient 0 is computed while recording")
    while integers.count <= k { integers.append(T(integers.count)) }
    typealias R = TaylorRecurrence<T>
    // The series are moved into a local for the pass: read from the class's stored property,
    // every operand array was retained and released around its recurrence (~12 % of a step).
    var series = self.series
    self.series = []
    defer { self.series = series }
    for i in operations.indices {
      let next: T
      switch operations[i] {
      case .variable, .constant, .output: continue
      case .sum(let a, let b): next = R.sum(series[a], series[b], k)
      case .difference(let a, let b): next = R.difference(series[a], series[b], k)
      case .negation(let a): next = R.negation(series[a], k)
      case .product(let a, let b): next = R.product(series[a], series[b], k)
      case .quotient(let a, let b): next = R.quotient(series[a], series[b], series[i], k)
      case .squareRoot(let u): next = R.squareRoot(series[u], series[i], k)
      case .power(let u, let r): next = R.power(series[u], series[i], series[r][0], k, integers)
      case .primitive(let u, let w, let negated):
        next = R.primitive(series[u], weight: series[w], negated: negated, k, integers)
      case .quotientPrimitive(let u, let q):
        next = R.quotientPrimitive(series[u], series[q], series[i], k, integers)
      case .onePlusSquare(let y, let negated):
        next = R.onePlusSquare(series[y], negated: negated, k)
      case .gramInverseSquareRoot(let g):
        gramInverseSquareRoots[g].computeCoefficient(k, outputs: i + 1, of: &series)
        continue
      case .matrixProduct(let p):
        matrixProducts[p].computeCoefficient(k, outputs: i + 1, of: &series)
        continue
      }
      series[i].append(next)
    }
  }
}

// MARK: Recording

extension JetTape {
  /// Where a recorded jet sits in its tape.
  @usableFromInline struct Recording: Sendable {
    @usableFromInline let tape: JetTape
    @usableFromInline let index: Int

    @inlinable init(tape: JetTape, index: Int) {
      self.tape = tape
      self.index = index
    }
  }

  @inlinable func append(_ operation: Operation, _ coefficients: [T]) -> Int {
    operations.append(operation)
    series.append(coefficients)
    return operations.count - 1
  }

  @inlinable func jet(_ index: Int) -> Jet<T> {
    Jet(coefficients: series[index], recording: Recording(tape: self, index: index))
  }

  /// The operation index of `operand`, recording it as a constant if it is not from this tape.
  @inlinable func index(of operand: Jet<T>) -> Int {
    guard let recording = operand.recording else { return append(.constant, operand.coefficients) }
    precondition(recording.tape === self, "jets of two different tapes combined")
    return recording.index
  }

  /// Records `result`, computed eagerly at the recorded values, as `operation(u, own index)`;
  /// `result` unchanged when `u` is not recorded.
  @inlinable static func record(
    _ result: Jet<T>, _ u: Jet<T>, as operation: (_ operand: Int, _ own: Int) -> Operation
  ) -> Jet<T> {
    guard let tape = u.recording?.tape else { return result }
    let operand = tape.index(of: u)
    return tape.jet(tape.append(operation(operand, tape.operations.count), result.coefficients))
  }

  /// Records `result` as `operation` of `a` and `b`; `result` unchanged when neither is recorded.
  @inlinable static func record(
    _ result: Jet<T>, _ a: Jet<T>, _ b: Jet<T>, as operation: (Int, Int) -> Operation
  ) -> Jet<T> {
    guard let tape = a.recording?.tape ?? b.recording?.tape else { return result }
    precondition(
      result.count == 1, "a recorded function may combine its variables only with constants")
    let (ia, ib) = (tape.index(of: a), tape.index(of: b))
    return tape.jet(tape.append(operation(ia, ib), result.coefficients))
  }
}
