/// The adaptive explicit Runge–Kutta pair of Dormand and Prince (1980): a fifth-order solution
/// with an embedded fourth-order error estimate, seven stages of which the last is reused as
/// the first of the next step (FSAL).
///
/// A step is accepted when the scaled error
/// `√(mean((errᵢ / (absoluteTolerance + relativeTolerance · max(|yᵢ|, |ŷᵢ|)))²)) ≤ 1`; the next
/// step is `h · clamp(0.9 · err^(−1/5), 0.2, 5)`. Integration runs forward in time, lands exactly
/// on requested times, and throws `NumericError.stepSizeUnderflow`, `.nonFinite` or
/// `.notConverged` (step budget exhausted) rather than returning an unreliable state.
public struct DormandPrince<T: Scalar>: Sendable {
  public var relativeTolerance: T
  public var absoluteTolerance: T
  /// The budget of attempted steps per call.
  public var maximumSteps: Int

  public init(relativeTolerance: T, absoluteTolerance: T, maximumSteps: Int = 100_000) {
    precondition(relativeTolerance > T.zero || absoluteTolerance > T.zero, "tolerances must not both be zero")
    self.relativeTolerance = relativeTolerance
    self.absoluteTolerance = absoluteTolerance
    self.maximumSteps = maximumSteps
  }

  /// The states at each of `times` (non-decreasing, none before `t0`).
  public func states(
    of f: VectorField<T>, from t0: T, _ y0: [T], at times: [T]
  ) throws -> [[T]] {
    var integration = try Integration(f, t0, y0, method: self)
    return try times.map { target in
      try integration.advance(f, to: target) { _, _ in false }
      return integration.y
    }
  }

  /// The state at `t1 ≥ t0`.
  public func finalState(of f: VectorField<T>, from t0: T, _ y0: [T], to t1: T) throws -> [T] {
    try states(of: f, from: t0, y0, at: [t1])[0]
  }
}

/// The coefficients of the pair, rounded once to the working precision.
struct DormandPrinceTableau<T: Scalar> {
  let c: [T]
  let a: [[T]]
  /// The fifth-order weights (also the last row of `a`, whence FSAL).
  let b: [T]
  /// The fifth- minus fourth-order weights, over all seven stages.
  let errorWeights: [T]

  init() {
    func row(_ entries: [(Int, Int)]) -> [T] { entries.map { T(Rational($0.0, $0.1)) } }
    c = row([(0, 1), (1, 5), (3, 10), (4, 5), (8, 9), (1, 1), (1, 1)])
    a = [
      [],
      row([(1, 5)]),
      row([(3, 40), (9, 40)]),
      row([(44, 45), (-56, 15), (32, 9)]),
      row([(19372, 6561), (-25360, 2187), (64448, 6561), (-212, 729)]),
      row([(9017, 3168), (-355, 33), (46732, 5247), (49, 176), (-5103, 18656)]),
    ]
    b = row([(35, 384), (0, 1), (500, 1113), (125, 192), (-2187, 6784), (11, 84)])
    errorWeights = row([
      (71, 57600), (0, 1), (-71, 16695), (71, 1920), (-17253, 339200), (22, 525), (-1, 40),
    ])
  }
}

extension DormandPrince {
  /// The running state of one integration: position, FSAL derivative and proposed step.
  struct Integration {
    let method: DormandPrince
    let tableau = DormandPrinceTableau<T>()
    private(set) var t: T
    private(set) var y: [T]
    private var k1: [T]
    private var h: T
    private var attempts = 0

    init(_ f: VectorField<T>, _ t0: T, _ y0: [T], method: DormandPrince) throws {
      self.method = method
      t = t0
      y = y0
      k1 = try f(t0, y0)
      guard y0.allSatisfy(\.isFinite) && k1.allSatisfy(\.isFinite) else {
        throw NumericError.nonFinite(algorithm: "Dormand–Prince")
      }
      // A first step whose Euler increment is about 1 % of the state (Hairer–Nørsett–Wanner
      // II.4), capped at 1; the controller corrects it within a few attempts.
      let scale = y0.map { method.absoluteTolerance + method.relativeTolerance * $0.magnitude }
      let d0 = zip(y0, scale).map { ($0 / $1).magnitude }.maximumMagnitude
      let d1 = zip(k1, scale).map { ($0 / $1).magnitude }.maximumMagnitude
      h = d0 > T.zero && d1 > T.zero ? Swift.min(T(1), d0 / d1 / 100) : T(Rational(1, 1000))
    }

    /// The fifth-order state after a step of size `step` from the current point, with the
    /// scaled error estimate and the derivative at the new point.
    func trial(_ f: VectorField<T>, _ step: T) throws -> (y: [T], derivative: [T], error: T) {
      var k = [k1]
      for i in 1..<6 {
        k.append(try f(t + tableau.c[i] * step, y.adding(k, weights: tableau.a[i], scaledBy: step)))
      }
      let newY = y.adding(k, weights: tableau.b, scaledBy: step)
      let newT = t + step
      let derivative = try f(newT, newY)
      k.append(derivative)
      let estimate = [T](repeating: T.zero, count: y.count)
        .adding(k, weights: tableau.errorWeights, scaledBy: step)
      var sum = T.zero
      for i in y.indices {
        let scale = method.absoluteTolerance
          + method.relativeTolerance * Swift.max(y[i].magnitude, newY[i].magnitude)
        sum += (estimate[i] / scale) * (estimate[i] / scale)
      }
      return (newY, derivative, T.sqrt(sum / T(Swift.max(y.count, 1))))
    }

    /// Takes accepted steps until `target` is reached exactly, or until `stop`, called with the
    /// states before and after each accepted step, returns true.
    mutating func advance(
      _ f: VectorField<T>, to target: T, stop: (_ before: Integration, _ after: Integration) throws -> Bool
    ) throws {
      precondition(target >= t, "Dormand–Prince integrates forward in time")
      while t < target {
        let landing = t + h >= target
        let step = landing ? target - t : h
        guard t + step > t else { throw NumericError.stepSizeUnderflow(time: t.doubleValue) }
        attempts += 1
        guard attempts <= method.maximumSteps else {
          throw NumericError.notConverged(algorithm: "Dormand–Prince", iterations: method.maximumSteps)
        }
        let (newY, derivative, error) = try trial(f, step)
        guard error.isFinite && newY.allSatisfy(\.isFinite) else {
          throw NumericError.nonFinite(algorithm: "Dormand–Prince")
        }
        let factor = error == T.zero
          ? T(5) : Swift.min(T(5), Swift.max(T(Rational(1, 5)), T(Rational(9, 10)) * T.pow(error, T(Rational(-1, 5)))))
        guard error <= 1 else {
          h = step * factor
          continue
        }
        let previous = self
        t = landing ? target : t + step
        y = newY
        k1 = derivative
        // A step shortened to land on the target says nothing about the next one.
        if !landing || factor < 1 { h = step * factor }
        if try stop(previous, self) { return }
      }
    }
  }
}
