import Numeric

/// A critical point of the stated kind: the gradient vanishes (its norm falls along the
/// precision ladder, as in ``PrecisionLadder``) and the Hessian has the stated ``Inertia``.
///
/// The claim supplies `gradientNorm(bits)`, computed from scratch at `bits` of precision, and the
/// Hessian's eigenvalues at the working precision. A negative control is a wrong variant (a
/// shifted point, a wrong inertia) judged the same way; it is rejected when it fails and either
/// its gradient norm at the working precision is at least `rejectionThreshold` or its inertia
/// differs from the one it claims.
public struct CriticalPointCheck: Check {
  /// One candidate critical point: its gradient norm at a number of bits, its Hessian's
  /// eigenvalues, and the inertia claimed for it (nil: the check's).
  public struct Point {
    public var gradientNorm: (Int) throws -> BigFloat
    public var eigenvalues: () throws -> [BigFloat]
    public var inertia: Inertia?
  }

  public typealias Control = NegativeControl<Point>

  public var id: String
  public var statement: String
  public var ladder: [Int]?
  public var slack: Int
  public var inertia: Inertia
  /// Eigenvalues with `|λ| ≤ zeroTolerance` count as zero.
  public var zeroTolerance: Rational
  public var rejectionThreshold: Rational
  public var gradientNorm: (Int) throws -> BigFloat
  public var eigenvalues: () throws -> [BigFloat]
  public var controls: [Control]

  public init(
    id: String, statement: String, ladder: [Int]? = nil, slack: Int = 20, inertia: Inertia,
    zeroTolerance: Rational = Rational(1, 1_000_000_000_000),
    rejectionThreshold: Rational = Rational(1, 1000),
    gradientNorm: @escaping (Int) throws -> BigFloat,
    eigenvalues: @escaping () throws -> [BigFloat], controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.ladder = ladder
    self.slack = slack
    self.inertia = inertia
    self.zeroTolerance = zeroTolerance
    self.rejectionThreshold = rejectionThreshold
    self.gradientNorm = gradientNorm
    self.eigenvalues = eigenvalues
    self.controls = controls
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    let ladder = PrecisionLadder(rungs: self.ladder ?? context.ladder, slack: slack)
    let tolerance = BigFloat(zeroTolerance, precision: context.precision)
    let rejection = BigFloat(rejectionThreshold, precision: context.precision)
    return ControlledEvaluation<Point>(
      id: id, kind: .criticalPoint, statement: statement,
      threshold: "\(ladder.threshold) and inertia \(inertia)",
      rejection: { judgement in
        "gradient norm >= \(rejectionThreshold) or inertia other than \(judgement.condition!)"
      },
      judge: { point in
        let outcome = try ladder.judge("gradient norm", point.gradientNorm)
        let values = try point.eigenvalues()
        for (i, value) in values.enumerated() { _ = try finite(value, "Hessian eigenvalue \(i)") }
        let actual = Inertia(eigenvalues: values, zeroTolerance: tolerance)
        let claimed = point.inertia ?? inertia
        let norm = outcome.measured(at: context.precision)
        return Judgement(
          status: actual == claimed ? outcome.status : .fails, measured: outcome.measured,
          why: actual == claimed
            ? "\(outcome.why); Hessian inertia \(actual)"
            : "\(outcome.why), but the Hessian's inertia is \(actual), not \(claimed)",
          ladder: outcome.ladder, condition: "\(claimed)",
          clearly: norm >= rejection || actual != claimed)
      }
    ).evaluate(
      Point(gradientNorm: gradientNorm, eigenvalues: eigenvalues, inertia: inertia),
      controls: controls, in: context)
  }
}

extension NegativeControl where Variant == CriticalPointCheck.Point {
  /// A wrong point (its gradient norm at a number of bits and its Hessian's eigenvalues), or a
  /// wrong `inertia` claimed for the true point.
  public init(
    _ description: String, gradientNorm: @escaping (Int) throws -> BigFloat,
    eigenvalues: @escaping () throws -> [BigFloat], inertia: Inertia? = nil
  ) {
    self.init(
      description: description,
      variant: .init(gradientNorm: gradientNorm, eigenvalues: eigenvalues, inertia: inertia))
  }
}
