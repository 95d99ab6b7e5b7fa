import Foundation
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// `integrate` in `verify eval`, `verify identity` and claim files: values with their error
/// estimates, identities over the precision ladder with the negative control rejected, and
/// divergence as an error. Polynomial integrands keep the ladder's 2048-bit rungs cheap: the
/// 8- and 16-point Gauss–Legendre rules already agree.
@Suite struct IntegralCommandTests {
  @Test func evalNotesTheQuadrature() async throws {
    let result = await verify("eval", "integrate(exp(-x^2), x, -inf, inf)^2", "--precision", "64", "--digits", "15")
    #expect(result.status == 0)
    #expect(result.output == "3.14159265358979\n")
    #expect(result.error.contains("verify: note: integrate(exp(-x^2), x, -inf, inf) by tanh–sinh quadrature"))
    let json = await verify("eval", "integrate(t^3, t, 0, x)", "--at", "x=2", "--format", "json")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    // Rounding in the last digit may fall on either side of 4.
    let value = try #require(root["value"] as? String)
    #expect(value.hasPrefix("3.9999999999999999999999999999999999999999999999999999999999999999999999")
      || value.hasPrefix("4.0000000000000000000000000000000000000000000000000000000000000000000000"), "\(value)")
    let integrals = try #require(root["integrals"] as? [[String: Any]])
    #expect(integrals.count == 1 && integrals[0]["method"] as? String == "Gauss–Legendre")
  }

  @Test func identityPassesAndItsControlIsRejected() async {
    let result = await verify("identity", "integrate(t^3, t, 0, x) = x^4/4", "--samples", "3")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("negative control (the right side perturbed by 2^-40 relative): rejected"))
  }

  /// A wrong value is rejected: off by 10⁻³⁰ relative, the residual plateaus.
  @Test func wrongValueFails() async {
    let result = await verify("identity", "integrate(t^3, t, 0, x) = x^4/4*(1 + 10^(-30))", "--samples", "3")
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("fail: "))
  }

  /// A divergent integral has no value: an error naming it, in `eval` and in `identity`.
  @Test func divergenceIsAnErrorNamingTheIntegral() async {
    let eval = await verify("eval", "integrate(1/x, x, 0, 1)", "--precision", "64")
    #expect(eval.status != 0)
    #expect(eval.error.contains("the quadrature of integrate(1/x, x, 0, 1) failed"))
    let identity = await verify("identity", "integrate(1/t, t, 0, 1) = 1")
    #expect(identity.status == 1)
    #expect(identity.output.contains("the left-hand side at 64 bits cannot be evaluated"))
  }
}
