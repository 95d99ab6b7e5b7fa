import Numeric
import Symbolic
import Testing

@testable import Verify

/// Spec §4.4, 4.5 and 4.7 of copy-average at 256 bits: one erf student (closed form, Newton
/// on φ, Hessian), one ReLU student, the committee plateau. (§4.8, the approximate copy, is
/// checked through the claim's runs: its 40-parameter Hessian is the slowest part in debug.)
@Suite struct CopyAverageOneNeuronTests {
  static let erfRows:
    [(k: Int, c: String, loss: String, minimum: String, iterations: Int, maximum: String?)] = [
      (
        2, "0.408248290463863016366214012450981898660991247",
        "0.0116108403126683582495325600193963109970756083",
        "0.00597782182453775080677852602263266806861887345", 9, nil
      ),
      (
        3, "0.25819888974716112567861769331882664072219478",
        "0.0202965886569769277780736079650454567480618044",
        "0.00192329193182825592234450832037306003304942527", 9,
        "4.84237718334684973378354088854572021538499949"
      ),
      (
        4, "0.188982236504613613607258268117090030407875656",
        "0.0283772638703749935076448332312392429838313153",
        "0.000823543153313532043688926779402539783745725114", 8,
        "8.9831338527529043166051409200951177463544507"
      ),
      (
        6, "0.123091490979332732734240660125243035583397032",
        "0.0439616305601682315217943079944730683060846883",
        "0.000245395797902731642694055197498193876266479678", 8,
        "21.081780642974943117848090231819709710496664"
      ),
    ]

  @Test(arguments: 0..<4) func oneErfNeuron(row: Int) throws {
    let (k, c, loss, minimum, iterations, maximum) = Self.erfRows[row]
    try withPrecision(256) {
      let family = OneNeuronFamily(teachers: k, dimension: k + 1, seed: 13, activation: .erf)
      let newton = try OneNeuronReduction(teachers: k).solve(bits: 256)
      expectMatches(newton.root, c)
      #expect(newton.iterates.count - 1 == iterations)
      let output = OneNeuronReduction(teachers: k).output(newton.root)
      #expect((output - BigFloat(k)).magnitude <= BigFloat.pow(2, 16 - 256))
      let point = family.erfPoint()
      expectMatches(point.value(), loss)
      #expect(family.erfPoint(sign: -1).gradientNorm() <= BigFloat.pow(2, 20 - 256))
      let spectrum = try point.spectrum()
      expectMatches(spectrum.first!, minimum)
      if let maximum { expectMatches(spectrum.last!, maximum) }
      let controls = [
        ["7.2641582e-7", "1.570059e-6", "2.6556707e-6", "5.3864512e-6"],
        ["0.13853306", "0.38058727", "0.72517435", "1.668681"],
        ["0.31830989", "0.7796968", "1.2328089", "2.1352876"],
      ]
      let wrong = [
        family.erfPoint(scaleFactor: 1 + Rational(1, 1_000_000)), family.erfPlainMean(),
        family.erfSubset(),
      ]
      for (configuration, references) in zip(wrong, controls) {
        expectMatches(configuration.gradientNorm(), references[row])
      }
    }
  }

  @Test func fullSpectrumForTwoTeachers() throws {
    try withPrecision(256) {
      let spectrum = try OneNeuronFamily(teachers: 2, dimension: 3, seed: 13, activation: .erf)
        .erfPoint().spectrum()
      let references = [
        "0.005977821824537750806778526022632668068618873",
        "1.338379957283874363419862521773812729501744",
        "1.840994606263679419287374361772519601070141775",
        "1.972494220996799377807901101899128144003723330",
      ]
      for (value, reference) in zip(spectrum, references) { expectMatches(value, reference) }
    }
  }

  @Test(arguments: [
    (
      2, "1.51081832985837432137886613866064385025954098",
      "0.0885119366328834463936183867088789995305907898",
      "0.461178816357662228556120536790272361095641225",
      "1.64128601291802377875053075332727072500773771",
      "1.3686414e-6", "0.32957747", "0.224669704089415557139030134197568090273910306"
    ),
    (
      3, "1.98505395295388577439502141982917687463414335",
      "0.242355030241224067969467933190966300714444386",
      "0.809414435023117188280895681078038279998711845",
      "2.4702195980689238786743667138531535707778691",
      "2.2061013e-6", "0.57863247", "0.557833759449557564325004300162786723130100871"
    ),
  ])
  func oneReLUNeuron(
    k: Int, product: String, loss: String, smallestPositive: String, maximum: String,
    productControl: String, copyNorm: String, copyLoss: String
  ) throws {
    try withPrecision(256) {
      let family = OneNeuronFamily(teachers: k, dimension: k + 1, seed: 14, activation: .relu)
      expectMatches(ClosedForms.reluProduct(k) as BigFloat, product)
      expectMatches(ClosedForms.reluLoss(k) as BigFloat, loss)
      for radius in [1, 2] {
        let point = family.reluPoint(radius: radius)
        expectMatches(point.value(), loss)
        #expect(point.gradientNorm() <= BigFloat.pow(2, 20 - 256))
      }
      let spectrum = try family.reluPoint(radius: 1).spectrum()
      #expect(spectrum.filter { $0.magnitude <= BigFloat.pow(2, 20 - 256) }.count == 1)
      expectMatches(spectrum.first { $0 > BigFloat.pow(2, 20 - 256) }!, smallestPositive)
      expectMatches(spectrum.last!, maximum)
      expectMatches(
        family.reluPoint(radius: 1, productFactor: 1 + Rational(1, 1_000_000)).gradientNorm(),
        productControl)
      let copy = family.reluCopyDirection()
      expectMatches(copy.gradientNorm(), copyNorm)
      expectMatches(copy.value(), copyLoss)
    }
  }

  @Test(arguments: [
    (
      2, "0.333333333333333333333333333333333333333333333",
      "0.408248290463863016366214012450981898660991247",
      "0.0116108403126683582495325600193963109970756083",
      "-0.0657498073665599792602633700633042714667907777",
      1, 2, "0.3620269", "1.2079011", "0.570643006459011889375265376663635362503868856",
      "0.534154943091895335768883763372514362034459646",
      "0.0885119366328834463936183867088789995305907898"
    ),
    (
      3, "0.2", "0.25819888974716112567861769331882664072219478",
      "0.0202965886569769277780736079650454567480618044",
      "-0.0461178779366366641312718179861497163369999951",
      4, 4, "0.58850196", "2.0838274", "0.437826577348649750816525936411811904617304245",
      "0.382023811364618889954342458371528582330200467",
      "0.242355030241224067969467933190966300714444386"
    ),
  ])
  func committeePlateau(
    k: Int, q: String, r: String, epsilon: String, minimum: String, negative: Int, zero: Int,
    halfNorm: String, doubleOutputNorm: String, reluQ: String, reluR: String, reluEpsilon: String
  ) throws {
    try withPrecision(256) {
      let family = CommitteeFamily(students: k, dimension: k + 1, seed: 15)
      let plateau = family.erfPlateau()
      let (qValue, rValues) = family.overlaps(plateau)
      expectMatches(qValue, q)
      for value in rValues { expectMatches(value, r) }
      expectMatches(plateau.value(), epsilon)
      #expect(plateau.gradientNorm() <= BigFloat.pow(2, 20 - 256))
      let spectrum = try plateau.spectrum()
      #expect(spectrum.count == k * (k + 1))
      expectMatches(spectrum[0], minimum)
      let inertia = Inertia(eigenvalues: spectrum, zeroTolerance: BigFloat.pow(2, -128))
      #expect(
        inertia
          == Inertia(positive: spectrum.count - negative - zero, negative: negative, zero: zero))
      expectMatches(family.erfPlateau(scaleFactor: Rational(1, 2)).gradientNorm(), halfNorm)
      expectMatches(family.erfPlateau(output: 2).gradientNorm(), doubleOutputNorm)
      let relu = family.reluPlateau()
      let (reluQValue, reluRValues) = family.overlaps(relu)
      expectMatches(reluQValue, reluQ)
      for value in reluRValues { expectMatches(value, reluR) }
      expectMatches(relu.value(), reluEpsilon)
      #expect(relu.gradientNorm() <= BigFloat.pow(2, 20 - 256))
    }
  }
}
