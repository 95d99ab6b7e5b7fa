import Numeric
import Symbolic

/// C4 [paper: exponents; bound shape derived]: minimising `E(h) = A h^{2−β} + B/(N h^{d+2})`
/// gives `√E(h*) ∝ N^{−(2−β)/(2(d+4−β))}`, `N^{−1/(d+4)}` at β = 0: both exponents of the abstract.
extension RateSetting {
  typealias T = BigFloat

  /// The largest relative error of Newton's `(h*, E*)` against the closed form, over the grid
  /// and both N; with `biasOnly`, against the wrong closed form `E* = A h*^{2−β}`.
  func minimumResidual(biasOnly: Bool = false) throws -> T {
    var largest = T.zero
    for row in rows {
      let shape = shape(row)
      for n in [counts.0, counts.1] {
        let (newton, closed) = (try shape.minimum(n: n), shape.closedForm(n: n))
        let value = biasOnly ? T(bias) * T.pow(closed.h, T(2 - row.beta)) : closed.value
        largest = T.maximum(largest, (newton.h - closed.h).magnitude / closed.h)
        largest = T.maximum(largest, (newton.value - value).magnitude / value)
      }
    }
    return largest
  }

  /// `max_r |fitted root exponent − claim|` over `rows` for the shape `variant` makes of a row.
  func exponentResidual(
    _ rows: [Row], squared: Bool = false, _ variant: (Row) -> BoundShape
  ) throws -> T {
    try rows.map { row in
      (try variant(row).rootExponent(counts.0, counts.1, squared: squared)
        - T(Self.claimedExponent(row))).magnitude
    }.reduce(T.zero) { T.maximum($0, $1) }
  }

  func rateChecks(recordingIn measurements: Measurements) throws -> [any Check] {
    for (r, row) in rows.enumerated() {
      let minimum = try shape(row).minimum(n: counts.0)
      measurements.record("C4_hstar_\(r)", minimum.h)
      measurements.record("C4_Estar_\(r)", minimum.value)
      measurements.record(
        "C4_root_exponent_\(r)", try shape(row).rootExponent(counts.0, counts.1))
    }
    let grid = "d ∈ {\(Set(rows.map(\.dimension)).sorted().map(String.init).joined(separator: ", "))}, β ∈ {\(rows.map(\.beta.description).uniqued().joined(separator: ", "))}, N = \(counts.0), \(counts.1), A = \(bias), B = \(variance)"
    let positiveBeta = rows.filter { $0.beta > 0 }
    var exponentControls: [IdentityCheck.Control] = [
      .init("(i) variance B/(N h^d), the 1/h² of the self term dropped") { _ in
        try exponentResidual(rows) { shape($0, varianceExponent: Rational($0.dimension)) }
      }
    ]
    // At β = 0 the bias h² is the claim's own: control (ii) is tested on the rows with β > 0.
    if !positiveBeta.isEmpty {
      exponentControls.append(
        .init("(ii) bias h² ignoring β (rows with β > 0)") { _ in
          try exponentResidual(positiveBeta) { shape($0, biasExponent: 2) }
        })
    }
    exponentControls.append(
      .init("(iii) the squared rate reported as the root rate") { _ in
        try exponentResidual(rows, squared: true) { shape($0) }
      })
    return [
      ExactCheck(
        id: "C4-exponent-algebra",
        statement:
          "[derived] identically in d and β (symbolic, Expr): dE/d(log h) = p e^{t₁} − q e^{t₂}, its zero is linear in log h after taking logs of the two terms (slope p + q = d+4−β), and (1/2) d log E(h*)/d log N = −(2−β)/(2(d+4−β))",
        decide: { ExponentAlgebra.claim.decide() },
        controls: [
          .init("(i) variance B/(N h^d)") {
            ExponentAlgebra(biasExponent: 2 - ExponentAlgebra.beta, varianceExponent: ExponentAlgebra.d).decide()
          },
          .init("(ii) bias h² ignoring β") {
            ExponentAlgebra(biasExponent: 2, varianceExponent: ExponentAlgebra.d + 2).decide()
          },
          .init("(iii) the squared rate reported as the root rate") {
            ExponentAlgebra(
              biasExponent: 2 - ExponentAlgebra.beta, varianceExponent: ExponentAlgebra.d + 2,
              squared: true
            ).decide()
          },
        ]),
      IdentityCheck(
        id: "C4-minimiser",
        statement:
          "[derived] Newton on dE/d(log h) = 0 finds h* = ((d+2)B/((2−β)AN))^{1/(d+4−β)} and E(h*) = A(d+4−β)/(d+2)·((d+2)B/((2−β)AN))^{(2−β)/(d+4−β)} at every grid row and both N (\(grid)): largest relative error",
        slack: 24, residual: { _ in try minimumResidual() },
        controls: [
          .init("E(h*) = A h*^{2−β}, the variance's share (2−β)/(d+2) dropped (added)") { _ in
            try minimumResidual(biasOnly: true)
          }
        ]),
      IdentityCheck(
        id: "C4-root-exponent",
        statement:
          "[paper: exponents] the fitted root exponent log √(E*(N₂)/E*(N₁)) / log(N₂/N₁) of Newton's minima is −(2−β)/(2(d+4−β)) at every grid row (−1/(d+4) at β = 0): largest |fitted − claim| (\(grid))",
        slack: 24, residual: { _ in try exponentResidual(rows) { shape($0) } },
        controls: exponentControls),
    ]
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
