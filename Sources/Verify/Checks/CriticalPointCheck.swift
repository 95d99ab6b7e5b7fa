import Numeric

/// A critical point of the stated kind: the gradient vanishes (its norm falls along the
/// precision ladder, as in ``PrecisionLadder``) and the Hessian has the stated ``Inertia``.
///
/// The claim supplies `gradientNorm(bits)`, computed from scratch at `bits` of precision, and the
/// Hessian's eigenvalues at the working precision. A negative control is a wrong variant (a
/// shifted point, a wrong inertia) judged the same way; it is rejected when it fails and either
/// its gradient norm at the working precision is at least `rejectionThreshold` or its inertia
/// differs from the one it claims.
///
/// With a ``Certification`` the point is `proved`: the Krawczyk operator shows that the box
/// `point ± radius` holds exactly one zero of the gradient, and the Hessian enclosed over the
/// whole box has the claimed inertia (``Inertia/certified(_:)``), so the unique critical point
/// in the box is of the stated kind. A control with a certification is disproved when its box
/// holds no zero of the gradient.
public struct CriticalPointCheck: Check {
  /// What a certified decision needs: the box, and the gradient and Hessian on balls.
  public struct Certification {
    /// The computed critical point, the centre of the box.
    public var point: [BigFloat]
    /// The box's half-width in every coordinate.
    public var radius: Rational
    /// The gradient, evaluated on balls (the exact centre, and the whole box).
    public var gradient: ([Ball]) -> [Ball]
    /// An enclosure of the Hessian over the balls it is given.
    public var hessian: ([Ball]) -> Matrix<Ball>

    public init(
      point: [BigFloat], radius: Rational, gradient: @escaping ([Ball]) -> [Ball],
      hessian: @escaping ([Ball]) -> Matrix<Ball>
    ) {
      self.point = point
      self.radius = radius
      self.gradient = gradient
      self.hessian = hessian
    }
  }

  /// One candidate critical point: its gradient norm at a number of bits, its Hessian's
  /// eigenvalues, the inertia claimed for it (nil: the check's), and optionally what certifies
  /// it (or, for a wrong point, what disproves it).
  public struct Point {
    public var gradientNorm: (Int) throws -> BigFloat
    public var eigenvalues: () throws -> [BigFloat]
    public var inertia: Inertia?
    public var certification: Certification?
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
  public var certification: Certification?
  public var controls: [Control]

  public init(
    id: String, statement: String, ladder: [Int]? = nil, slack: Int = 20, inertia: Inertia,
    zeroTolerance: Rational = Rational(1, 1_000_000_000_000),
    rejectionThreshold: Rational = Rational(1, 1000),
    gradientNorm: @escaping (Int) throws -> BigFloat,
    eigenvalues: @escaping () throws -> [BigFloat], certification: Certification? = nil,
    controls: [Control]
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
    self.certification = certification
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
        let status = actual == claimed ? outcome.status : .fails
        return Judgement(
          status: status, measured: outcome.measured,
          why: actual == claimed
            ? "\(outcome.why); Hessian inertia \(actual)"
            : "\(outcome.why), but the Hessian's inertia is \(actual), not \(claimed)",
          ladder: outcome.ladder, condition: "\(claimed)",
          clearly: norm >= rejection || actual != claimed,
          certificate: point.certification.flatMap {
            Self.certify($0, claimed: claimed, holds: status == .holds)
          })
      }
    ).evaluate(
      Point(
        gradientNorm: gradientNorm, eigenvalues: eigenvalues, inertia: inertia,
        certification: certification),
      controls: controls, in: context)
  }

  /// For a point that holds: a unique zero of the gradient in the box with the claimed inertia
  /// over the box. For one that fails: no zero in the box.
  static func certify(_ c: Certification, claimed: Inertia, holds: Bool) -> Certificate? {
    let box = "the box ±\(DecimalFormat.short(BigFloat(c.radius, precision: 64))) around the point"
    let (outcome, spectrum) = c.decide()
    switch outcome {
    case .uniqueZero:
      guard holds, let (inertia, eigenvalues) = spectrum, inertia == claimed else { return nil }
      let nearest = eigenvalues.min { $0.midpoint.magnitude < $1.midpoint.magnitude }!
      return Certificate(
        enclosure: nearest,
        detail: "\(box) holds exactly one zero of the gradient (Krawczyk operator in Arb balls), "
          + "and the Hessian over the whole box has inertia \(inertia); the eigenvalue nearest 0 "
          + "lies in the ball shown")
    case .noZero(let reason):
      return holds ? nil : Certificate(detail: "\(box) holds no zero of the gradient: \(reason)")
    case .undecided:
      return nil
    }
  }
}

extension CriticalPointCheck.Certification {
  /// The Krawczyk test of the box and, when it holds exactly one zero of the gradient, the
  /// Hessian's inertia with a ball around each eigenvalue, certified for every point of the
  /// box (nil when an eigenvalue is too close to 0 to tell its sign).
  public func decide() -> (outcome: Krawczyk.Outcome, spectrum: (inertia: Inertia, eigenvalues: [Ball])?)
  {
    let precision = point.map(\.precision).max() ?? Precision.bits
    let halfWidth = BigFloat(radius, precision: precision)
    let outcome = Krawczyk.test(
      center: point, radius: halfWidth, value: gradient, jacobian: hessian)
    guard case .uniqueZero = outcome else { return (outcome, nil) }
    let hull = point.map { Ball(midpoint: $0, radius: halfWidth, precision: precision) }
    return (outcome, Inertia.certified(hessian(hull)))
  }
}

extension NegativeControl where Variant == CriticalPointCheck.Point {
  /// A wrong point (its gradient norm at a number of bits and its Hessian's eigenvalues), or a
  /// wrong `inertia` claimed for the true point.
  public init(
    _ description: String, gradientNorm: @escaping (Int) throws -> BigFloat,
    eigenvalues: @escaping () throws -> [BigFloat], inertia: Inertia? = nil,
    certification: CriticalPointCheck.Certification? = nil
  ) {
    self.init(
      description: description,
      variant: .init(
        gradientNorm: gradientNorm, eigenvalues: eigenvalues, inertia: inertia,
        certification: certification))
  }
}
