import Foundation
import CBench
import Numeric

/// `acc += a*b` at 256 bits, 10⁶ times, three ways in one run: raw C MPFR, BigFloat's in-place
/// API (`setProduct` + `+=`, no allocation) and its operator API (`acc = acc + a * b`, two
/// allocations per iteration). Each variant's best of five runs is compared with C's.
func runBigFloatBench() {
  let iterations = 1_000_000
  let precision = 256
  let a = "1.4142135623730950488016887242096980785696718753769480731766797379907324784621"
  let b = "0.7071067811865475244008443621048490392848359376884740365883398689953662392311"

  func best(_ body: () -> Double) -> (nanoseconds: Double, value: Double) {
    var fastest = Double.infinity
    var value = 0.0
    for _ in 0..<5 {
      let clock = ContinuousClock()
      let start = clock.now
      value = body()
      let elapsed = clock.now - start
      let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9
      fastest = Swift.min(fastest, ns / Double(iterations))
    }
    return (fastest, value)
  }

  let c = best { cbench_mpfr_accumulate(iterations, precision, a, b) }
  let inPlace = best {
    withPrecision(precision) {
      let x = try! BigFloat(parsing: a)
      let y = try! BigFloat(parsing: b)
      var acc = BigFloat.zero
      var product = BigFloat.zero
      for _ in 0..<iterations {
        product.setProduct(x, y)
        acc += product
      }
      return acc.doubleValue
    }
  }
  let operators = best {
    withPrecision(precision) {
      let x = try! BigFloat(parsing: a)
      let y = try! BigFloat(parsing: b)
      var acc = BigFloat.zero
      for _ in 0..<iterations { acc = acc + x * y }
      return acc.doubleValue
    }
  }
  precondition(c.value == inPlace.value && c.value == operators.value,
    "the three loops disagree: \(c.value), \(inPlace.value), \(operators.value)")

  func line(_ name: String, _ ns: Double) -> String {
    name.padding(toLength: 20, withPad: " ", startingAt: 0) + format(ns, 1) + " ns/iteration"
  }
  print(line("c-mpfr", c.nanoseconds))
  print(line("bigfloat-inplace", inPlace.nanoseconds) + "  (x\(format(inPlace.nanoseconds / c.nanoseconds, 3)))")
  print(line("bigfloat-operators", operators.nanoseconds) + "  (x\(format(operators.nanoseconds / c.nanoseconds, 3)))")
  print("bigfloat-inplace-vs-c: \(format(inPlace.nanoseconds / c.nanoseconds, 3))")
  print("bigfloat-operators-vs-c: \(format(operators.nanoseconds / c.nanoseconds, 3))")
}
