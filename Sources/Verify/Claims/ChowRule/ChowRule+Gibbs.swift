import Numeric

/// C1: the Gibbs form of a KL ideal, on instance A's model (spec section 3, C1).
extension ChowRule {
  static func gibbsChecks(_ gibbs: GibbsMeasurements) -> [any Check] {
    let wrongSign = "NC1 wrong sign: Q′ ∝ P e^{+λℓ} in place of Q*"
    return [
      IdentityCheck(
        id: "C1-gibbs-minimum",
        statement: "`J(Q*) = −(ln Z)/λ` for `Q* = P e^{−λℓ_h}/Z` on the cells `(x, y)` of A, "
          + "`J(Q) = E_Q ℓ_h + KL(Q‖P)/λ`",
        residual: { _ in gibbs.minimumResidual(gibbs.ideal, as: BigFloat.self).magnitude },
        controls: [
          .init(wrongSign + " (its J exceeds the minimum)") { _ in
            gibbs.minimumResidual(gibbs.wrongSign, as: BigFloat.self).magnitude
          }
        ]),
      IdentityCheck(
        id: "C1-variational-gap",
        statement: "`J(Q) − J(Q*) = KL(Q‖Q*)/λ` for a random `Q` on the same cells "
          + "(`u_i = uniform_i + 1/20`, normalised), so `Q*` is the unique minimiser",
        residual: { _ in gibbs.gapResidual(gibbs.ideal, as: BigFloat.self).magnitude },
        controls: [
          .init(wrongSign) { _ in gibbs.gapResidual(gibbs.wrongSign, as: BigFloat.self).magnitude }
        ]),
    ]
  }
}
