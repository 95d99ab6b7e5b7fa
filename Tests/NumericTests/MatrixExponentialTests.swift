import Testing

@testable import Numeric

/// `e^A` against closed forms at 256 and 512 bits, and against an independent implementation:
/// mpmath 1.3 `expm(A, method='taylor')` at 200 digits (agreeing with `method='pade'` to 1e-201)
/// on the 4×4 matrix drawn row-major from SplitMix64, seed 2026, entries `2(2u − 1)`:
///
///     from mpmath import mp, mpf, matrix, expm, nstr; from fractions import Fraction
///     mp.dps = 200; M = 2**64 - 1; state = 2026
///     def nxt():
///         global state; state = (state + 0x9E3779B97F4A7C15) & M; z = state
///         z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
///         z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M; return z ^ (z >> 31)
///     e = [2 * (2 * Fraction(nxt() >> 11, 2**53) - 1) for _ in range(16)]
///     A = matrix(4, 4)
///     for k in range(16): A[k // 4, k % 4] = mpf(e[k].numerator) / e[k].denominator
///     E = expm(A, method='taylor')   # printed with nstr(E[i, j], 160)
@Suite struct MatrixExponentialTests {
  static let mpmathExpm: [[String]] = [
    [
      "3.642270304175792081577974872418887642020364831836062914406468147959823051002554349438778566359763110397205261180954703963560074397861557920085945800717149033448",
      "-0.6412824235045896483640073790462703921524717607259049305156186365309237279839313705757050734051087517452898784827580281715759715047154866956000612077645498271898",
      "0.6757501091100943130581391709608153184444655254607882296978526899171588228031137742423887661833199834986256013071606247628654186821033014917623749645314676826736",
      "-0.4214607184485175513389755345242793091562664881670109793255540303189157059479917629045173110058662094037962651074281185108568728674632691705212308865140572158015",
    ],
    [
      "0.4796281672288486541072371076315791721131040181604279847227210817409590774399238701087675536354439824296902399157929264467052968827986909612068854076429408369945",
      "0.04251973244920295645644643839467338412677907623745803461361212421970216665718620330701339723689694986159530500804449588722108416353163110466574883466458142230752",
      "1.661276395482769892538416090862469095389060555341985240808155291575227581765952189358623065971143392942762697558827522161224549091287436429820151780430490459735",
      "1.389163401177299303032444651838696089781401513307477270251248793979478531415016269081210413190341143664609976470252175063433955936152750713573060395835366979961",
    ],
    [
      "-2.305550367852807764334032475280890552848555495858081961592605227786683215481641456590779584783045863056946506945896142927069309634693285321206294950215084797409",
      "-0.9657727575109059433768645542100614694323350764629665318942156330115712563731612177885207281558934204360249547459162663461987912379007477454697066705518114551214",
      "-0.7527541296967393298452672766797582988687716100334257399836371578997915595999234335245518411908842909200707799951628884308314828294190179183640280724721220098729",
      "-0.07323647605432346586606250598016834138158386722921187313505539308673259953835407895276891913112689936325846240057988806089011183778189310838607276067529910555609",
    ],
    [
      "-1.538228718831229594655756512424172100020554472290235620408210406376546396954429980751437974244199582163893347795173999359852680901834998548409681343848491975655",
      "-0.4669071170120940511868861372862580291555454712615903330277810810332712396005887945969224951440235474726023162108236581981192053227442435944372504627784474181826",
      "-0.6812655502878185341385928847898628153653132703461182641846561500380389118364379454871028822371191696997171617314209990104877870932744874224990414771466071779716",
      "-0.03123594265893470861204267872487866791063657969488809969856270296761130745064004806689990753938095168039667448368156089078010015785770021733292113592163310484377",
    ],
  ]

  @Test(arguments: [256, 512]) func diagonal(bits: Int) throws {
    try withPrecision(bits) {
      let d = [Rational(-7, 2), Rational(1, 3), Rational(0), Rational(5)].map { BigFloat($0) }
      let e = try Matrix.diagonal(d).exponential()
      #expect(
        e.relativeDistance(to: Matrix.diagonal(d.map(BigFloat.exp))) <= fullPrecisionBound(bits))
    }
  }

  @Test(arguments: [256, 512]) func nilpotentSeriesTerminates(bits: Int) throws {
    // N strictly upper triangular, N⁴ = 0: e^N = I + N + N²/2 + N³/6, formed exactly.
    let n: [[Rational]] = [
      [0, 3, -2, 5], [0, 0, 7, Rational(1, 3)], [0, 0, 0, -4], [0, 0, 0, 0],
    ]
    let n2 = product(n, n)
    let n3 = product(n2, n)
    let exact = (0..<4).map { i in
      (0..<4).map { j in
        Rational(i == j ? 1 : 0) + n[i][j] + n2[i][j] / 2 + n3[i][j] / 6
      }
    }
    try withPrecision(bits) {
      let e = try (rounded(n) as Matrix<BigFloat>).exponential()
      #expect(
        e.relativeDistance(to: rounded(exact) as Matrix<BigFloat>) <= fullPrecisionBound(bits))
    }
  }

  @Test(arguments: [256, 512]) func rotationGenerator(bits: Int) throws {
    // exp([[0, −t], [t, 0]]) = [[cos t, −sin t], [sin t, cos t]]; t = 10 needs 5 squarings.
    try withPrecision(bits) {
      for t in [Rational(7, 3), Rational(10)].map({ BigFloat($0) }) {
        let e = try Matrix([[0, -t], [t, 0]]).exponential()
        let rotation = Matrix([
          [BigFloat.cos(t), -BigFloat.sin(t)], [BigFloat.sin(t), BigFloat.cos(t)],
        ])
        #expect(e.relativeDistance(to: rotation) <= fullPrecisionBound(bits))
      }
    }
  }

  @Test(arguments: [256, 512]) func commutingSums(bits: Int) throws {
    // A and B = A² − 2A + 3I commute, so e^{A+B} = e^A e^B; and e^A e^{−A} = I.
    try withPrecision(bits) {
      let a: Matrix<BigFloat> = randomMatrix(3, 3, seed: 41)
      let b = a * a - 2 * a + BigFloat(3) * Matrix.identity(3)
      let sum = try (a + b).exponential()
      #expect(
        (try a.exponential() * b.exponential()).relativeDistance(to: sum)
          <= fullPrecisionBound(bits))
      #expect(
        distanceFromIdentity(try a.exponential() * (-a).exponential()) <= fullPrecisionBound(bits))
    }
  }

  @Test(arguments: [256, 512]) func randomFourByFourAgainstMpmath(bits: Int) throws {
    try withPrecision(bits) {
      let a: Matrix<BigFloat> = randomMatrix(4, 4, seed: 2026, scale: 2)
      let reference = Matrix(try Self.mpmathExpm.map { try $0.map { try BigFloat(parsing: $0) } })
      #expect(
        (try a.exponential()).relativeDistance(to: reference)
          <= BigFloat.pow(BigFloat(2), 30 - bits))
    }
  }

  @Test func doubleAndEdgeCases() throws {
    let e = try Matrix<Double>([[0, -1], [1, 0]]).exponential()
    #expect(
      Swift.abs(e[0, 0] - Double.cos(1)) < 1e-15 && Swift.abs(e[1, 0] - Double.sin(1)) < 1e-15)
    #expect(try Matrix<Double>.zeros(3, 3).exponential() == Matrix.identity(3))
    #expect(throws: NumericError.nonFinite(algorithm: "matrix exponential")) {
      try Matrix<Double>([[1, .nan], [0, 1]]).exponential()
    }
    #expect(throws: NumericError.nonFinite(algorithm: "matrix exponential")) {
      try Matrix<Double>.diagonal([800, 0]).exponential()
    }
  }
}
