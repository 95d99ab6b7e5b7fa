import Numeric
import Symbolic
import Testing

@testable import Verify

/// Spec §4.3 and 4.6 of copy-average at 256 bits: the ordering tables and differences of L*,
/// partitions and majorisation, the generalised instance G1 (its Hessian through the claim).
@Suite struct CopyAverageFamilyTests {
  @Test func oneNeuronLossesAndDifferences() {
    withPrecision(256) {
      let references = [
        "0", "0.0116108403126683582495325600193963109970756083",
        "0.0202965886569769277780736079650454567480618044",
        "0.0283772638703749935076448332312392429838313153",
        "0.0362263226018352343729293188985565936511420415",
        "0.0439616305601682315217943079944730683060846883",
        "0.0516325325029760949292001316911224854114085789",
        "0.0592633960988540747873067909387534763790580937",
        "0.0668676584758158336256220715860633362595620997",
        "0.0744533430006322293923192334053023772768939288",
      ]
      for (m, reference) in zip(1..., references) {
        let value: BigFloat = ClosedForms.averagingLoss(m)
        if m == 1 {
          #expect(value.magnitude <= BigFloat.pow(2, -250))
        } else {
          expectMatches(value, reference)
        }
      }
      let family = OrderingFamily(teachers: 6, students: 3, concavityLimit: 60)
      expectMatches(family.secondDifferences().maxOrNaN()!, "-6.460883069e-8")
      expectMatches(family.firstDifferences().minOrNaN()!, "0.007513597046")
      #expect(family.secondDifferences().count == 58)
      // The asymptotic slope 1/6 − 1/(2π), approached by the first differences.
      expectMatches(
        1 / BigFloat(6) - 1 / (2 * BigFloat.pi), "0.00751172357477133089778290329415230463220702093"
      )
    }
  }

  @Test func orderingTables() {
    withPrecision(256) {
      let k6 = OrderingFamily(teachers: 6, students: 3, concavityLimit: 60).ranking()
      #expect(k6.map(\.partition) == [[4, 1, 1], [3, 2, 1], [2, 2, 2]])
      expectMatches(k6[0].loss, "0.0283772638703749935076448332312392429838313153")
      expectMatches(k6[1].loss, "0.0319074289696452860276061679844417677451374127")
      expectMatches(k6[2].loss, "0.034832520938005074748597680058188932991226825")
      expectMatches(
        OrderingFamily(teachers: 6, students: 3, concavityLimit: 60).copyAndIgnoreLoss(), "0.5")
      let k8 = OrderingFamily(teachers: 8, students: 3, concavityLimit: 60).ranking()
      #expect(k8.map(\.partition) == [[6, 1, 1], [5, 2, 1], [4, 3, 1], [4, 2, 2], [3, 3, 2]])
      let references = [
        "0.0439616305601682315217943079944730683060846883",
        "0.0478371629145035926224618789179529046482176498",
        "0.0486738525273519212857184411962846997318931197",
        "0.051598944495711710006709953270031864977982532",
        "0.0522040176266222138056797759494872244931992171",
      ]
      for (entry, reference) in zip(k8, references) { expectMatches(entry.loss, reference) }
    }
  }

  @Test func partitionsAndMajorisation() {
    #expect(
      IntegerPartitions.all(of: 7, into: 3) == [[5, 1, 1], [4, 2, 1], [3, 3, 1], [3, 2, 2]])
    #expect(IntegerPartitions.all(of: 4, into: 4) == [[1, 1, 1, 1]])
    #expect(IntegerPartitions.majorizes([4, 2, 1], [3, 2, 2]))
    #expect(!IntegerPartitions.majorizes([3, 3, 1], [4, 2, 1]))
    // Prefix sums 6, 8, 10 against 5, 10, 11 cross: neither majorises the other.
    #expect(!IntegerPartitions.majorizes([6, 2, 2, 2], [5, 5, 1, 1]))
    #expect(!IntegerPartitions.majorizes([5, 5, 1, 1], [6, 2, 2, 2]))
  }

  @Test func generalisedInstanceG1() {
    withPrecision(256) {
      let family = GeneralizedFamily(
        partition: [1, 3], norms: [Rational(1, 2), Rational(3, 2)], outputs: [-2, Rational(3, 4)],
        dimension: 5, seed: 11)
      let configuration = family.configuration
      let theta = configuration.point()
      #expect(theta[10] == -2)
      #expect(theta[11] == BigFloat(Rational(9, 4)))
      let scale: BigFloat = CopyAverageRecipe.matchedScale(3, nu: Rational(3, 2), kappa: 1)
      expectMatches(scale, "0.316227766016837933199889354443271853371955514")
      expectMatches(configuration.value(), "0.0354934693981728529237224798033698262692621765")
      expectMatches(family.closedFormLoss(), "0.0354934693981728529237224798033698262692621765")
      #expect(configuration.gradientNorm() <= BigFloat.pow(2, 20 - 256))
    }
  }
}
