import Foundation

/// Mean seconds per call of `body`, repeated for at least `minimum` (one call if it is slower).
func secondsPerCall(minimum: Duration = .milliseconds(300), _ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  var calls = 0
  repeat {
    body()
    calls += 1
  } while clock.now - start < minimum
  let elapsed = clock.now - start
  return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(calls)
}

/// `value` with `decimals` digits after the point, right-aligned in `width` characters.
func format(_ value: Double, _ decimals: Int, width: Int = 0) -> String {
  String(format: "%\(width).\(decimals)f", value)
}
