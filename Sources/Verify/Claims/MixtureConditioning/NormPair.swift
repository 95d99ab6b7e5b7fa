import Numeric

/// One L1 norm by both routes: the value at the working precision (``L1Norm``) and its Arb
/// enclosure (``L1Enclosure``) from the same sign changes, for one function built twice by the
/// same generic code, in `BigFloat` and in `Ball`.
struct NormPair {
  let norm: L1Norm
  let enclosure: L1Enclosure

  init(value: GaussianSum<BigFloat>, ball: GaussianSum<Ball>) throws {
    norm = try L1Norm(value)
    enclosure = L1Enclosure(ball, norm)
  }

  var value: BigFloat { norm.value }
  var ball: Ball { enclosure.ball }

  /// The sign changes, for the report: 20 significant digits each.
  var signChangeText: String {
    norm.signChanges.isEmpty
      ? "none" : norm.signChanges.map { $0.decimalString(significantDigits: 20) }.joined(separator: ",")
  }
}
