import Foundation
import CBench
import Numeric

/// `acc += a*b` at 256 bits, 10⁶ times, three ways in one run: raw C MPFR, BigFloat's in-place
/// API (`acc.addRoundedProduct(a, b)`: the same two roundings, no allocation, no copy of the
/// product) and its operator API (`acc = acc + a * b`). A fourth line, for information, is the
/// in-place pair `setProduct` + `+=`, which copies the product once more (a borrowed operand
/// has no address). The variants run in turn, five rounds, and each one's fastest round is
/// compared with C's: interleaving spreads a shared machine's slow spells over all of them.
func runBigFloatBench() {
  let iterations = 1_000_000
  let precision = 256
  let a = "1.4142135623730950488016887242096980785696718753769480731766797379907324784621"
  let b = "0.7071067811865475244008443621048490392848359376884740365883398689953662392311"

  let c = { cbench_mpfr_accumulate(iterations, precision, a, b) }
  let inPlace = {
    withPrecision(precision) {
      let x = try! BigFloat(parsing: a)
      let y = try! BigFloat(parsing: b)
      var acc = BigFloat.zero
      for _ in 0..<iterations { acc.addRoundedProduct(x, y) }
      return acc.doubleValue
    }
  }
  let operators = {
    withPrecision(precision) {
      let x = try! BigFloat(parsing: a)
      let y = try! BigFloat(parsing: b)
      var acc = BigFloat.zero
      for _ in 0..<iterations { acc = acc + x * y }
      return acc.doubleValue
    }
  }
  let pair = {
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

  let variants: [(name: String, loop: () -> Double)] = [
    ("c-mpfr", c), ("bigfloat-inplace", inPlace), ("bigfloat-operators", operators),
    ("setProduct + +=", pair),
  ]
  let (seconds, values) = fastest(of: variants.map(\.loop), rounds: 5)
  let nanoseconds = seconds.map { $0 * 1e9 / Double(iterations) }
  precondition(values.allSatisfy { $0 == values[0] }, "the loops disagree: \(values)")

  for (index, variant) in variants.enumerated() {
    let ratio = index == 0 ? "" : "  (x\(format(nanoseconds[index] / nanoseconds[0], 3)))"
    print(variant.name.padding(toLength: 20, withPad: " ", startingAt: 0)
      + format(nanoseconds[index], 1) + " ns/iteration" + ratio)
  }
  print("bigfloat-inplace-vs-c: \(format(nanoseconds[1] / nanoseconds[0], 3))")
  print("bigfloat-operators-vs-c: \(format(nanoseconds[2] / nanoseconds[0], 3))")
}
