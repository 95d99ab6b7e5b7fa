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
