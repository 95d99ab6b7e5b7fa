import Numeric
import Testing

@testable import Symbolic

/// The tape's lazy coefficients against eager jets: a function recorded once at the value and
/// extended one order at a time must give exactly the coefficients of the same function on a
/// jet of full order, since both run the same recurrences in the same order.
@Suite struct JetTapeTests {
  typealias J = Jet<BigFloat>

  /// Coefficients 0…order of `f` at `x0`, through a tape.
  static func recorded(_ f: ([J]) -> [J], at x0: [BigFloat], order: Int) -> [[BigFloat]] {
    let tape = JetTape<BigFloat>()
    let variables = x0.map { tape.variable($0) }
    let outputs = f(variables)
    var result = [outputs.map { tape.coefficient(0, of: $0) }]
    for k in 1...order {
      for (i, variable) in variables.enumerated() {
        tape.append(BigFloat(k == 1 && i == 0 ? 1 : 0), to: variable)
      }
      tape.computeCoefficients(order: k)
      result.append(outputs.map { tape.coefficient(k, of: $0) })
    }
    return result
  }

  /// Coefficients 0…order of `f` at `x0`, eagerly: the first argument the variable, the others
  /// held at their values (as the tape's are).
  static func eager(_ f: ([J]) -> [J], at x0: [BigFloat], order: Int) -> [[BigFloat]] {
    let jets = x0.enumerated().map { i, x in
      i == 0 ? J.variable(at: x, order: order) : J(coefficients: [x] + Array(repeating: 0, count: order))
    }
    let outputs = f(jets)
    return (0...order).map { k in outputs.map { $0[k] } }
  }

  /// Each function (arguments kept in its domain), its partners and constants mixed in, and
  /// a second tape variable held at its value.
  static let functions: [(String, @Sendable ([J]) -> [J])] = [
    ("arithmetic", { [($0[0] + 2) * $0[0] - $0[1] / (1 + $0[0] * $0[0]), -$0[0], 3 / $0[0]] }),
    ("exp log", { [J.exp($0[0]), J.expMinusOne($0[0]), J.log(2 + $0[0]), J.log(onePlus: $0[0] * $0[0])] }),
    ("trigonometric", { [J.sin($0[0]), J.cos($0[0]) * J.sin($0[1]), J.tan($0[0]), J.tanh($0[0] * $0[1])] }),
    ("hyperbolic", { [J.sinh($0[0]), J.cosh($0[0]), J.asinh($0[0]), J.acosh(2 + $0[0]), J.atanh($0[0] / 2)] }),
    ("inverse", { [J.asin($0[0] / 2), J.acos($0[0] / 2), J.atan($0[0]), J.atan2(y: $0[0], x: $0[1] - 1)] }),
    ("erf", { [J.erf($0[0]), J.erfc($0[0] * $0[1])] }),
    ("powers", { [J.sqrt(1 + $0[0]), J.root(1 + $0[0], 3), J.pow($0[0], 3), J.pow(2 + $0[0], $0[0])] }),
    ("constant output", { [J.constant(BigFloat(7)), $0[1] * 2, $0[0]] }),
    ("branches", { x in [x[0] > 0 ? J.sigmoid(x[0]) : J.softplus(x[0]), x[0].magnitude] }),
  ]

  @Test(arguments: functions.indices)
  func tapeReproducesEagerJetsBitForBit(_ index: Int) {
    let (name, f) = Self.functions[index]
    withPrecision(192) {
      for x0 in [Rational(3, 7), Rational(-5, 11)] {
        let point = [BigFloat(x0), BigFloat(Rational(1, 5))]
        let (tape, jets) = (Self.recorded(f, at: point, order: 12), Self.eager(f, at: point, order: 12))
        for k in 0...12 {
          #expect(tape[k] == jets[k], "\(name) at \(x0), coefficient \(k)")
        }
      }
    }
  }

  /// The integrator records its field once per series, whatever the order.
  @Test func theFieldIsEvaluatedOncePerSeries() {
    final class Counter { var calls = 0 }
    let counter = Counter()
    let flow = TaylorIntegrator<BigFloat>(order: 30, tolerance: BigFloat(Rational(1, 1000))) { y in
      counter.calls += 1
      return [J.tanh(y[1]), -J.sin(y[0])]
    }
    withPrecision(128) {
      let series = flow.series(at: [BigFloat(1), BigFloat(Rational(1, 2))])
      #expect(series.count == 31 && counter.calls == 1)
      // Against eager jets: the solution's coefficient k+1 is coefficient k of f(y) / (k+1).
      let y = (0...1).map { i in J(coefficients: series.prefix(30).map { $0[i] }) }
      let f = [J.tanh(y[1]), -J.sin(y[0])]
      for k in 0..<30 {
        for i in 0...1 {
          #expect(series[k + 1][i] == f[i][k] / BigFloat(k + 1), "coefficient \(k + 1)")
        }
      }
    }
  }
}
