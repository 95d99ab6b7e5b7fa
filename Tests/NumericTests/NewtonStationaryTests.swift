import Testing

@testable import Numeric

@Suite struct NewtonStationaryTests {
  /// `f(x, y) = eˣ − 2x + (y − x²)²`, stationary only at `x = ln 2, y = ln² 2` (a minimum).
  func derivatives(_ v: [BigFloat]) -> (gradient: [BigFloat], hessian: Matrix<BigFloat>) {
    let (x, y) = (v[0], v[1])
    let r = y - x * x
    let gradient = [BigFloat.exp(x) - 2 - 4 * x * r, 2 * r]
    let hessian = Matrix([[BigFloat.exp(x) - 4 * r + 8 * x * x, -4 * x], [-4 * x, BigFloat(2)]])
    return (gradient, hessian)
  }

  @Test func convergesQuadraticallyToTheStationaryPoint() throws {
    try withPrecision(512) {
      let ln2 = BigFloat.log(2)
      let exact = [ln2, ln2 * ln2]
      let result = try Newton.stationaryPoint(derivatives, from: [BigFloat(1), BigFloat(0)])
      let errors = result.iterates.map { $0.adding(exact, scaledBy: -1).maximumMagnitude }
      #expect(errors.last! <= 4 * BigFloat.workingEpsilon)
      // Quadratic convergence: eₖ₊₁ ≤ C eₖ² with one C for every step, from the first step
      // that is within 0.1 until the error reaches the rounding level.
      let steps = zip(errors, errors.dropFirst()).filter {
        $0.0 < BigFloat(0.1) && $0.1 > BigFloat(1e-150)
      }
      #expect(steps.count >= 4)
      for (now, next) in steps { #expect(next <= 4 * now * now, "error \(now) → \(next)") }
    }
  }

  typealias Derivatives = (gradient: [BigFloat], hessian: Matrix<BigFloat>)

  /// `f = x³/3 − x − y²`: stationary at `(±1, 0)`; `(1, 0)` is a saddle (Hessian diag(2, −2)).
  func saddle(_ v: [BigFloat]) -> Derivatives {
    let gradient = [v[0] * v[0] - 1, -2 * v[1]]
    return (gradient, Matrix.diagonal([2 * v[0], BigFloat(-2)]))
  }

  @Test func findsSaddlesAsWellAsMinima() throws {
    // Newton solves ∇f = 0 without looking at curvature: from (2, 1) it goes to the saddle.
    try withPrecision(256) {
      let result = try Newton.stationaryPoint(saddle, from: [BigFloat(2), BigFloat(1)])
      #expect((result.root[0] - 1).magnitude <= 4 * BigFloat.workingEpsilon)
      #expect(result.root[1].isZero)
    }
  }

  /// `f = x⁴/4`: the Hessian `3x²` vanishes at the stationary point 0.
  func flat(_ v: [BigFloat]) -> Derivatives { ([v[0] * v[0] * v[0]], Matrix([[3 * v[0] * v[0]]])) }

  /// `f = x log x − x` for x < 0 is NaN: so is its gradient `log x`.
  func undefined(_ v: [BigFloat]) -> Derivatives { ([BigFloat.log(v[0])], Matrix([[1 / v[0]]])) }

  @Test func reportsASingularHessianAndANonFiniteGradient() {
    withPrecision(128) {
      #expect(throws: NumericError.singularMatrix) {
        try Newton.stationaryPoint(flat, from: [BigFloat(0)])
      }
      #expect(throws: NumericError.nonFinite(algorithm: "Newton (gradient)")) {
        try Newton.stationaryPoint(undefined, from: [BigFloat(-1)])
      }
    }
  }
}
