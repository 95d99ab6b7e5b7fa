import Numeric
import Testing

@testable import Verify

/// Reference values of `shared/claims/frobenius-imbalance.md`, section 4 (computed independently
/// with mpmath at 60 digits). They live here only: the claim computes, the tests compare.
@Suite struct FrobeniusImbalanceTests {
  static let i1 = NetworkInstance(widths: [3, 4, 3, 1], samples: 5, seed: 1, scale: Rational(4, 5))

  /// One unit in the last digit of a decimal reference such as `-0.00301…535` or `1.6e-43`
  /// (with 1 % slack): agreement "to the digits given". A whole unit, because the spec's
  /// references are truncated, not rounded (observed errors reach 0.97 units).
  static func unitInLastPlace(_ text: String) -> BigFloat {
    let parts = text.lowercased().split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1])! : 0
    let mantissa = parts[0]
    let decimals = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
    return BigFloat(101) / BigFloat(100) * BigFloat.exp10(BigFloat(exponent - decimals))
  }

  /// `computed` agrees with the decimal reference `expected` to every digit it gives.
  func expectDigits(
    _ computed: BigFloat, _ expected: String, _ comment: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let reference = try! BigFloat(parsing: expected)
    #expect(
      (computed - reference).magnitude <= Self.unitInLastPlace(expected),
      "\(comment) computed \(computed.decimalString(significantDigits: 50)) expected \(expected)",
      sourceLocation: sourceLocation)
  }

  /// `|computed − expected| ≤ tolerance · |expected|` (absolute when `expected` is 0).
  func expectClose(
    _ computed: BigFloat, _ expected: String, relative tolerance: Double,
    _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let reference = try! BigFloat(parsing: expected)
    let error = reference.isZero
      ? computed.magnitude : (computed - reference).magnitude / reference.magnitude
    #expect(
      error <= BigFloat(tolerance),
      "\(comment) computed \(computed.decimalString(significantDigits: 50)) expected \(expected)",
      sourceLocation: sourceLocation)
  }

  @Test func instanceI1Inputs() {
    withPrecision(256) {
      let data = Self.i1.dataset(as: BigFloat.self)
      expectClose(data.inputs[0][0], "0.4275416056865277703", relative: 1e-19)
      expectClose(data.inputs[0][1], "-0.91250344865628263413", relative: 1e-19)
      expectClose(data.inputs[0][2], "0.99549578507328417842", relative: 1e-19)
      let ys = ["-0.52727893025246075354", "0.31247105846438194554", "0.7378178842478062549",
        "0.6786626340231725063", "-0.35113353976173722337"]
      for (p, y) in ys.enumerated() { expectClose(data.targets[p][0], y, relative: 1e-19) }
    }
  }

  static let i1Table: [(Activation, String, String, String)] = [
    (.linear, "0.1429970424210439961593686366372121752", "0", "0"),
    (.leakyReLU, "0.1566557647130833694390752463967751662", "0", "0"),
    (.tanh, "0.1426538737077616009372874505411347787",
      "-0.00378241094073959621971222076045545913298", "0.003913527002127194100985209948480419548498"),
    (.erf, "0.1458328741415023249946167094912971527",
      "-0.00756550956572947289363318329144001143050", "0.002567544036410473109372006836522308985451"),
    (.sin, "0.1426921951858942142232252283731171156",
      "-0.00298214403733432259291134128682142744116", "0.002328614012248567569258654432035446621702"),
    (.softplus, "1.126880133841404225218392643852383160",
      "-1.64910415140795220131280299401436442979544", "-1.70759293470116122493043698554348166718582"),
    (.sigmoid, "0.4658762222060522351103921704977516438",
      "-0.16655683402285544331097890014912194004507", "-0.87483812092604187242394581962827622751118"),
    (.gelu, "0.1407745846747719908815968384861619852",
      "-0.00301281013441813623568870464569908933535", "-0.00533384457744789636556280535366867796363"),
    (.swish, "0.1423466011121935119828675790021621674",
      "-0.00177297572564395796510950523019690661046", "-0.00332991501525760316069816609502672199940"),
  ]

  /// Loss and both imbalance rates of instance I1 (spec 4.2), to the digits given.
  @Test(arguments: 0..<9) func instanceI1Table(row: Int) {
    let (activation, loss, d1, d2) = Self.i1Table[row]
    withPrecision(256) {
      let identity = ImbalanceIdentity(
        network: Self.i1.network(activation, as: BigFloat.self),
        data: Self.i1.dataset(), loss: .squared)
      expectDigits(identity.network.loss(on: identity.data, .squared), loss, "loss")
      for (l, expected) in [(1, d1), (2, d2)] {
        if expected == "0" {
          // Class A: the rate vanishes; relative to S it is at the level of rounding.
          #expect(identity.lhs(l).magnitude <= BigFloat(1e-70) * identity.scale(l))
          #expect(identity.rhs(l).magnitude <= BigFloat(1e-70) * identity.scale(l))
        } else {
          expectDigits(identity.lhs(l), expected, "lhs \(l)")
          expectDigits(identity.rhs(l), expected, "rhs \(l)")
        }
      }
    }
  }

  @Test func scalingDerivativesI1() {
    withPrecision(256) {
      let tanh = ImbalanceIdentity(
        network: Self.i1.network(.tanh, as: BigFloat.self), data: Self.i1.dataset(), loss: .squared)
      expectDigits(tanh.s(1), "0.0073315364185861147120546134256223517223")
      expectDigits(tanh.s(2), "0.0092227418889559128219107238058500812888")
      expectDigits(tanh.s(3), "0.0072659783878923157714181188316098715146")
      let linear = ImbalanceIdentity(
        network: Self.i1.network(.linear, as: BigFloat.self), data: Self.i1.dataset(), loss: .squared)
      for l in 1...3 {
        expectDigits(linear.s(l), "0.0136410539474219411204660534994914747941")
      }
    }
  }

  @Test func logCoshI1() {
    withPrecision(256) {
      for (activation, d1, d2) in [
        (Activation.tanh, "-0.00233200648808102995386912982760651343664", "0.004408809317199062385202709539853271621056"),
        (.gelu, "-0.00370460684424031148592615890041963316708", "-0.00543789119830917191457664398678222680147"),
      ] {
        let identity = ImbalanceIdentity(
          network: Self.i1.network(activation, as: BigFloat.self), data: Self.i1.dataset(), loss: .logcosh)
        expectDigits(identity.lhs(1), d1)
        expectDigits(identity.rhs(1), d1)
        expectDigits(identity.lhs(2), d2)
        expectDigits(identity.rhs(2), d2)
      }
    }
  }

  @Test func neuronwiseSwishI1() {
    withPrecision(256) {
      let identity = ImbalanceIdentity(
        network: Self.i1.network(.swish, as: BigFloat.self), data: Self.i1.dataset(), loss: .squared)
      let gradients = identity.network.gradients(on: identity.data, .squared)
      let units = identity.network.upstreamDefectAverages(layer: 1, on: identity.data, .squared) {
        Activation.swish.defect($0)
      }
      let expected = ["0.00125411138609913009050701603125", "-0.00112116150338502433494866250124",
        "0.000262673661780501085117241354428", "-0.00216859927013856480578510011463"]
      for i in 1...4 {
        expectDigits(identity.unitLHS(layer: 1, row: i, column: i, gradients: gradients).value,
          expected[i - 1], "unit \(i) lhs")
        expectDigits(BigFloat(2) * units[i - 1], expected[i - 1], "unit \(i) rhs")
      }
    }
  }
}

/// Spec 4.3 (instance I2) and the precision showcase of spec section 3 (C6).
@Suite struct FrobeniusSaddleTests {
  static let i2 = NetworkInstance(widths: [3, 4, 3, 1], samples: 5, seed: 2, scale: Rational(1))

  static func rhs(_ activation: Activation, layer l: Int, epsilon: Rational) -> BigFloat {
    let identity = ImbalanceIdentity(
      network: i2.network(activation, as: BigFloat.self, times: BigFloat(epsilon)),
      data: i2.dataset(), loss: .squared)
    return identity.rhs(l)
  }

  @Test func probe() {
    withPrecision(512) {
      let v = Self.rhs(.tanh, layer: 1, epsilon: Rational(1, 1_000_000))
      print("tanh l1", v.decimalString(significantDigits: 40))
      let w = Self.rhs(.tanh, layer: 2, epsilon: Rational(1, 1_000_000))
      print("tanh l2", w.decimalString(significantDigits: 40))
    }
  }
}

@Suite struct FrobeniusInvarianceProbe {
  @Test func probe() {
    withPrecision(256) {
      var g = SplitMix64(seed: 5)
      let u: [BigFloat] = g.symmetricEntries(3, scale: 1)
      let w: [BigFloat] = g.symmetricEntries(2, scale: 1)
      let v2: [BigFloat] = g.symmetricEntries(4, scale: 1)
      let v3: [BigFloat] = g.symmetricEntries(4, scale: 1)
      let c: BigFloat = g.nextSymmetric(scale: 1)
      let xs = (0..<5).map { _ in g.symmetricEntries(3, scale: 1, as: BigFloat.self) }
      let ys = (0..<5).map { _ in g.symmetricEntries(1, scale: 1, as: BigFloat.self) }
      let point = SymmetricPoint(width: 4, u: u, middle: w, c: c, activation: .gelu)
      let data = Dataset(inputs: xs, targets: ys)
      let full = point.network.gradients(on: data, .squared)
      print("violation", SymmetricPoint.structureViolation(full))
      print("max", full.map(\.maximumMagnitude).max()!)
      let control = point.identicalRowsNetwork(rows: [v2, v3]).gradients(on: data, .squared)
      print("control", SymmetricPoint.structureViolation(control))
      print("mismatch", point.reductionMismatch(full: full, reduced: point.reducedNetwork.gradients(on: data, .squared)))
    }
  }
}

@Suite struct EscapeProbe {
  @Test func probe() throws {
    let escape = FrobeniusImbalance.escapeCases[0]
    for eps in escape.grid {
      let t: Double = try escape.problem.escapeTime(epsilon: eps, tolerance: 1e-12)
      let t2: Double = try escape.problem.escapeTime(epsilon: eps, tolerance: 1e-13)
      print("tau", eps, t, t2)
    }
  }
}
