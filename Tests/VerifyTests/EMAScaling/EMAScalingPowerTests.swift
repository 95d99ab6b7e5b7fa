import Numeric
import Testing

@testable import Verify

/// ``MomentRecursion`` (binary powering of the step's ``MomentMap``) against the spec's
/// recursion stepped one step at a time at 1024 bits: the two are the same `n` steps, so the
/// difference is rounding, about `n·2^−p`, and falls with the working precision `p`.
@Suite struct EMAScalingPowerTests {
  /// `model`'s mean and covariance after `steps` steps of spec Section 1's recursion, written
  /// out from the spec, at `bits`.
  static func stepped(_ model: LinearEMAModel, eta: Rational, steps: Int, bits: Int) -> [BigFloat] {
    withPrecision(bits) {
      let (step, rho) = (BigFloat(eta), BigFloat(1 - model.beta * eta))
      let (relax, noise) = (1 - rho, BigFloat(model.gamma / eta))
      let (a, c, b) = (BigFloat(model.a), BigFloat(model.c), BigFloat(model.b))
      let m = [[1 - step * a, step * c], [relax * (1 - step * a), rho + relax * step * c]]
      let u = [step * b, relax * step * b]
      let w = [-step, -relax * step]
      var mean = [BigFloat(model.theta0), BigFloat(model.zeta0)]
      var p: [[BigFloat]] = [[0, 0], [0, 0]]
      for _ in 0..<steps {
        mean = (0..<2).map { i in m[i][0] * mean[0] + m[i][1] * mean[1] + u[i] }
        p = (0..<2).map { i in
          (0..<2).map { j in
            (0..<2).map { k in (0..<2).map { l in m[i][k] * p[k][l] * m[j][l] }.total }.total
              + noise * w[i] * w[j]
          }
        }
      }
      return mean + [p[0][0], p[0][1], p[1][1]]
    }
  }

  @Test(arguments: [0, 1, 2, 3001])
  func binaryPoweringIsTheStepLoopToRounding(steps: Int) {
    let model = EMAInstances.e2
    let eta = Rational.pow(2, -10)
    let reference = Self.stepped(model, eta: eta, steps: steps, bits: 1024)
    let errors = [64, 128, 256].map { bits in
      withPrecision(bits) {
        let run = MomentRecursion(
          learningRate: BigFloat(eta), momentum: BigFloat(1 - model.beta * eta),
          noiseVariance: BigFloat(model.gamma / eta), steps: steps)
        let values = run.observables(of: model).components
        let error = zip(values, reference).map { ($0 - $1).magnitude }.maximumMagnitude
        // n·2^−p with a factor 2⁶ of room (the values are O(1)).
        #expect(error <= BigFloat(Rational.pow(2, 6 - bits) * Rational(max(steps, 1))), "\(bits) bits")
        return error
      }
    }
    if steps > 2 { #expect(errors[2] < errors[1] && errors[1] < errors[0], "\(errors)") }
  }
}
