import Numeric
import Symbolic

/// SplitMix64: a small seeded generator, so every random test is reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

  /// A rational in [−2, 2] with denominator 100.
  mutating func point() -> Rational { Rational(int(-200...200), 100) }
}

/// `|a − b| ≤ 2^−bits · max(|a|, |b|)`: agreement to `bits` bits relative.
func agree(_ a: BigFloat, _ b: BigFloat, bits: Int) -> Bool {
  let scale = max(a.magnitude, b.magnitude)
  return (a - b).magnitude <= scale * BigFloat.pow(2, -bits)
}

/// A random expression in x and y over every node kind and function. Arguments are shaped
/// (`log(1 + a²)`, `a/(2 + b²)`) so most draws are defined at most points.
func randomExpression(depth: Int, _ rng: inout SeededGenerator) -> Expr {
  let x = Expr.variable("x")
  let y = Expr.variable("y")
  if depth == 0 || rng.int(0...7) == 0 {
    switch rng.int(0...19) {
    case 0..<9: return x
    case 9..<15: return y
    case 15..<18: return Expr(Rational(rng.int(-5...5), rng.int(1...4)))
    default: return .pi
    }
  }
  let a = randomExpression(depth: depth - 1, &rng)
  func b(_ rng: inout SeededGenerator) -> Expr { randomExpression(depth: depth - 1, &rng) }
  switch rng.int(-3...19) {
  case -3, -2, 0: return a + b(&rng)
  case 1: return a - b(&rng)
  case -1, 2, 3: return a * b(&rng)
  case 4: return a / (2 + .pow(b(&rng), 2))
  case 5: return .pow(a, rng.int(-2...4))
  case 6: return .sqrt(1 + .pow(a, 2))
  case 7: return .log(1 + .pow(a, 2))
  case 8: return .exp(a)
  case 9: return .sin(a)
  case 10: return .cos(a)
  case 11: return .tan(a)
  case 12: return .tanh(a)
  case 13: return .asin(.sin(a) / 2)
  case 14: return .atan(a)
  case 15: return .erf(a)
  case 16: return .sigmoid(a)
  case 17: return .softplus(a)
  case 18: return .abs(a)
  default: return .pow(1 + .pow(a, 2), b(&rng))
  }
}
