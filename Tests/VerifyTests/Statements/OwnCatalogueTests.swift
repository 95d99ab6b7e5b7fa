import Numeric
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// A package of one's own claims: `VerifyCommand.catalogue(claims:)` puts them beside (or
/// instead of) the built-in ones, and the command line runs them like any other.
@Suite struct OwnCatalogueTests {
  /// A claim as a user's package would write it: sinh is (eˣ − e⁻ˣ)/2, so
  /// sinh(2x) = 2 sinh(x) cosh(x) with cosh = (eˣ + e⁻ˣ)/2, an identity of exponentials.
  struct DoubleAngle: Claim {
    let id = "double-angle-sinh"
    let title = "sinh(2x) = 2 sinh x cosh x"
    let source = Source(title: "a user's own claim", arxiv: "", location: "tests")
    let statement = "sinh(2x) = 2 sinh(x) cosh(x) at x = 1/3"

    func measure(_ arguments: Arguments, _ measurements: Measurements) throws {
      func residual(_ factor: Int) -> IdentityCheck.Residual {
        { _ in
          let x = BigFloat(Rational(1, 3))
          let sinh2x = (BigFloat.exp(2 * x) - BigFloat.exp(-2 * x)) / 2
          let product = BigFloat(factor) * (BigFloat.exp(x) - BigFloat.exp(-x)) / 2
            * (BigFloat.exp(x) + BigFloat.exp(-x)) / 2
          return (sinh2x - product).magnitude
        }
      }
      measurements.add(
        IdentityCheck(
          id: "double-angle", statement: statement, residual: residual(2),
          controls: [.init("without the factor 2", residual: residual(1))]))
    }
  }

  @Test func theCatalogueHoldsTheBuiltInsAndTheUsersClaims() {
    let all = VerifyCommand.catalogue(claims: [DoubleAngle()])
    #expect(all.claims.count == Registry.catalogue.claims.count + 1)
    #expect(all.claims.last?.id == "double-angle-sinh")
    let own = VerifyCommand.catalogue(claims: [DoubleAngle()], includingBuiltIns: false)
    #expect(own.claims.map(\.id) == ["double-angle-sinh"])
  }

  @Test func theCommandLineRunsTheUsersClaim() async {
    let catalogue = VerifyCommand.catalogue(claims: [DoubleAngle()], includingBuiltIns: false)
    let run = await verify(["double-angle-sinh"], catalogue: catalogue)
    #expect(run.status == 0 && run.output.contains("verdict: **pass**"))
    let list = await verify(["list"], catalogue: catalogue)
    #expect(list.output.contains("double-angle-sinh"))
  }
}
