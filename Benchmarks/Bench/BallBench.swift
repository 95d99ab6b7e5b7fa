import Foundation
import Numeric
import Symbolic

/// What certainty costs, at 256 bits: `bench bigfloat`'s loop `acc += a*b`, 10⁶ times, in balls
/// and in BigFloat, by operators (`acc = acc + a * b`, as generic `Scalar` code runs) and in
/// place (`acc.addProduct(a, b)`, Arb's `arb_addmul`, against `acc.addRoundedProduct(a, b)`);
/// then the 6×6 Hessian of a small smooth loss by nested duals, `Dual<Dual<Ball>>` against
/// `Dual<Dual<BigFloat>>`. Each variant's fastest of five interleaved rounds is compared.
func runBallBench() {
  let iterations = 1_000_000
  let precision = 256
  let a = "1.4142135623730950488016887242096980785696718753769480731766797379907324784621"
  let b = "0.7071067811865475244008443621048490392848359376884740365883398689953662392311"

  // The operator loop is one generic function, specialized for each type; the in-place loops
  // differ in their step (no `Scalar` requirement) and are written out, as in `bench bigfloat`
  // (a closure for the step would keep the optimizer from specializing the loop).
  func operands<T: Scalar>(_ type: T.Type) -> (T, T) {
    (T(try! Rational(parsing: a)), T(try! Rational(parsing: b)))
  }
  func operatorLoop<T: Scalar>(_ type: T.Type) -> Double {
    withPrecision(precision) {
      let (x, y) = operands(T.self)
      var acc = T.zero
      for _ in 0..<iterations { acc = acc + x * y }
      return acc.doubleValue
    }
  }
  let loops: [(name: String, loop: () -> Double)] = [
    ("bigfloat-operators", { operatorLoop(BigFloat.self) }),
    ("ball-operators", { operatorLoop(Ball.self) }),
    ("bigfloat-inplace", {
      withPrecision(precision) {
        let (x, y) = operands(BigFloat.self)
        var acc = BigFloat.zero
        for _ in 0..<iterations { acc.addRoundedProduct(x, y) }
        return acc.doubleValue
      }
    }),
    ("ball-inplace", {
      withPrecision(precision) {
        let (x, y) = operands(Ball.self)
        var acc = Ball.zero
        for _ in 0..<iterations { acc.addProduct(x, y) }
        return acc.doubleValue
      }
    }),
  ]
  let loopTimes = fastest(of: loops.map(\.loop), rounds: 5).seconds.map { $0 / Double(iterations) }
  for (index, loop) in loops.enumerated() {
    print(loop.name.padding(toLength: 20, withPad: " ", startingAt: 0) + format(loopTimes[index] * 1e9, 1) + " ns/iteration")
  }

  let point = (0..<6).map { Rational($0 + 1, 8) * (Rational($0 % 2 == 0 ? 1 : -1)) }
  let ballHessian = withPrecision(precision) { hessian(of: benchLoss, at: point.map { Ball($0) }) }
  let exact = withPrecision(precision + 64) { hessian(of: benchLoss, at: point.map { BigFloat($0) }) }
  precondition(zip(ballHessian.entries, exact.entries).allSatisfy { $0.contains($1) },
    "the ball Hessian does not contain the BigFloat Hessian")
  let hessians: [() -> Double] = [
    { withPrecision(precision) { hessian(of: benchLoss, at: point.map { BigFloat($0) }) }[0, 0].doubleValue },
    { withPrecision(precision) { hessian(of: benchLoss, at: point.map { Ball($0) }) }[0, 0].doubleValue },
  ]
  let hessianTimes = fastest(of: hessians, rounds: 5, repetitions: 20).seconds
  let widest = ballHessian.entries.map(\.radius).maxOrNaN()!
  print("hessian-6x6-bigfloat " + format(hessianTimes[0] * 1e6, 1) + " µs")
  print("hessian-6x6-ball     " + format(hessianTimes[1] * 1e6, 1) + " µs  (widest radius "
    + widest.decimalString(significantDigits: 3) + ")")

  print("ball-vs-bigfloat: \(format(loopTimes[1] / loopTimes[0], 3))")
  print("ball-inplace-vs-bigfloat-inplace: \(format(loopTimes[3] / loopTimes[2], 3))")
  print("ball-hessian-vs-bigfloat: \(format(hessianTimes[1] / hessianTimes[0], 3))")
}

/// A small smooth loss of 6 variables: tanh couplings of neighbours, a log-barrier of the norm
/// and an exponential-sine term, so the Hessian is dense and every kind of function appears.
func benchLoss<T: Scalar>(_ v: [T]) -> T {
  let pairs = (0..<6).map { k in T.tanh(v[k] * v[(k + 1) % 6]) }.reduce(0, +)
  return pairs + T.log(1 + v.map { $0 * $0 }.reduce(0, +)) + T.exp(-v[0] * v[5]) * T.sin(v[2])
}
