import Numeric
import Testing

@testable import Symbolic

/// The `BigFloat` sweeps in MPFR's own storage (`bufferedInputAdjoints`) must give the generic
/// sweep's bits: random maps of sums, differences, products, quotients and functions at random
/// precisions, sign and precision included; a slope wider than the working precision must
/// hand over to the generic sweep; NaN slopes and outputs off the tape keep their meaning.
@Suite struct BufferedSweepTests {
  /// Three outputs of four inputs, every kind of node: unit slopes (±), general slopes, a node
  /// used twice, a constant operand.
  static func map<S: Scalar>(_ v: [S]) -> [S] {
    let (a, b, c, d) = (v[0], v[1], v[2], v[3])
    let s = S.tanh(a * b - c) + (d - a) * (d + b) / (1 + c * c)
    return [s * s - S.exp(-d), -(s - b) * S(3), S.sqrt(a * a + b * b) - S.log(1 + d * d) + c]
  }

  /// Each output's generic sweep, read at the inputs.
  static func generic(_ f: ([Reverse<BigFloat>]) -> [Reverse<BigFloat>], at point: [BigFloat]) -> [[BigFloat]] {
    let tape = Tape<BigFloat>()
    let inputs = point.map(tape.variable)
    var adjoint = [BigFloat](repeating: 0, count: 0)
    return f(inputs).map { output in
      adjoint = [BigFloat](repeating: 0, count: tape.entries.count)
      tape.sweep(from: output, into: &adjoint)
      return inputs.map { adjoint[$0.index] }
    }
  }

  static func identical(_ x: [BigFloat], _ y: [BigFloat]) -> Bool {
    x.count == y.count && zip(x, y).allSatisfy { a, b in
      a.isNaN ? b.isNaN : a == b && a.isNegative == b.isNegative && a.precision == b.precision
    }
  }

  @Test func bufferedSweepsHaveTheGenericBits() {
    var random = SplitMix64(seed: 77)
    for _ in 0..<12 {
      let bits = [24, 53, 64, 113, 256, 300, 512][Int(random.next() % 7)]
      withPrecision(bits) {
        let point = (0..<4).map { _ in random.nextSymmetric(scale: Rational(3), as: BigFloat.self) }
        let (_, jacobian) = Symbolic.jacobian(of: { Self.map($0) }, at: point)
        let reference = Self.generic({ Self.map($0) }, at: point)
        #expect(Self.identical(jacobian.entries, reference.flatMap { $0 }), "at \(bits) bits")
        let (_, gradient) = Symbolic.gradient(of: { Self.map($0)[0] }, at: point)
        #expect(Self.identical(gradient, reference[0]), "at \(bits) bits")
        // The comparison can fail: one input moved in its last bits.
        let moved = point.enumerated().map { $0 == 2 ? $1 * (1 + BigFloat.pow(2, 6 - bits)) : $1 }
        #expect(!Self.identical(Symbolic.jacobian(of: { Self.map($0) }, at: moved).jacobian.entries, jacobian.entries))
      }
    }
  }

  /// A slope of more bits than the working precision (a constant of 512 bits in a 64-bit
  /// computation) makes the generic sweep round at 512 bits: the buffered one declines it.
  @Test func widerSlopesTakeTheGenericSweep() {
    withPrecision(64) {
      let wide = withPrecision(512) { BigFloat(1) / 3 }
      let f = { (v: [Reverse<BigFloat>]) in [v[0] * Reverse(constant: wide) + v[0] * v[1]] }
      let tape = Tape<BigFloat>()
      let inputs = [BigFloat(2), BigFloat(5)].map(tape.variable)
      #expect(tape.bufferedInputAdjoints(of: f(inputs), inputs: inputs.map(\.index)) == nil)
      let (_, jacobian) = Symbolic.jacobian(of: f, at: [2, 5])
      #expect(Self.identical(jacobian.entries, Self.generic(f, at: [2, 5]).flatMap { $0 }))
      #expect(jacobian.entries[0].precision == 512)
    }
  }

  /// `√x` at 0 has an infinite slope, so `0 · ∞` makes the adjoint NaN on both routes; an
  /// output off the tape (a constant) has zero derivatives.
  @Test func nanSlopesAndConstantOutputsKeepTheirMeaning() {
    withPrecision(128) {
      let f = { (v: [Reverse<BigFloat>]) in [Reverse.sqrt(v[0]) * 0 + v[1], Reverse(constant: 7)] }
      let (_, jacobian) = Symbolic.jacobian(of: f, at: [0, 1])
      #expect(jacobian.entries[0].isNaN && jacobian.entries[1] == 1)
      #expect(Self.identical(jacobian.entries, Self.generic(f, at: [0, 1]).flatMap { $0 }))
      #expect(jacobian.entries[2...].allSatisfy { $0.isZero })
    }
  }
}
