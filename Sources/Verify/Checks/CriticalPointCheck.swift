import Numeric

/// The numbers of positive, negative and zero eigenvalues of a symmetric matrix (Sylvester's
/// law of inertia: invariant under congruence, so it classifies a critical point).
public struct Inertia: Sendable, Hashable, CustomStringConvertible {
  public var positive: Int
  public var negative: Int
  public var zero: Int

  public init(positive: Int, negative: Int, zero: Int) {
    self.positive = positive
    self.negative = negative
    self.zero = zero
  }

  /// The inertia of `eigenvalues`, counting `|λ| ≤ zeroTolerance` as zero.
  public init(eigenvalues: [BigFloat], zeroTolerance: BigFloat) {
    let zero = eigenvalues.filter { $0.magnitude <= zeroTolerance }.count
    let positive = eigenvalues.filter { $0 > zeroTolerance }.count
    self.init(positive: positive, negative: eigenvalues.count - positive - zero, zero: zero)
  }

  public var description: String {
    "(\(positive) positive, \(negative) negative, \(zero) zero)"
  }
}

/// A critical point of the stated kind: the gradient vanishes (its norm falls along the
/// precision ladder, as in ``PrecisionLadder``) and the Hessian has the stated ``Inertia``.
///
/// The claim supplies `gradientNorm(bits)`, computed from scratch at `bits` of precision, and the
/// Hessian's eigenvalues at the working precision. A negative control is a wrong variant (a
/// shifted point, a wrong inertia); it is rejected when its gradient norm is at least
/// `rejectionThreshold` or its inertia differs from the one it claims.
public struct CriticalPointCheck: Check {
  public struct Control {
    public var description: String
    public var gradientNorm: () throws -> BigFloat
    public var eigenvalues: () throws -> [BigFloat]
    /// The inertia the variant claims; nil for the check's.
    public var inertia: Inertia?

    public init(
      _ description: String, gradientNorm: @escaping () throws -> BigFloat,
      eigenvalues: @escaping () throws -> [BigFloat], inertia: Inertia? = nil
    ) {
      self.description = description
      self.gradientNorm = gradientNorm
      self.eigenvalues = eigenvalues
      self.inertia = inertia
    }
  }

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

  public func evaluate(in context: Context) -> CheckResult {
    let ladder = PrecisionLadder(rungs: self.ladder ?? context.ladder, slack: slack)
    let threshold = "\(ladder.threshold) and inertia \(inertia)"
    do {
      let outcome = try ladder.evaluate("gradient norm", gradientNorm)
      let tolerance = BigFloat(zeroTolerance, precision: context.precision)
      let found = try self.inertia(of: eigenvalues, "the Hessian", tolerance)
      let rejection = BigFloat(rejectionThreshold, precision: context.precision)
      let controls = try controls.map { control in
        let name = "control '\(control.description)'"
        let norm = try finite(control.gradientNorm(), "the gradient norm of \(name)")
        let claimed = control.inertia ?? inertia
        let variant = try self.inertia(of: control.eigenvalues, "the Hessian of \(name)", tolerance)
        return ControlResult(
          description: control.description, rejected: norm >= rejection || variant != claimed,
          measured: norm,
          threshold: ">= \(rejectionThreshold) or inertia \(variant) differs from \(claimed)")
      }
      let holds = outcome.holds && found == inertia
      let why =
        outcome.holds && found != inertia
        ? "\(outcome.why), but the Hessian's inertia is \(found), not \(inertia)"
        : "\(outcome.why); Hessian inertia \(found)"
      return CheckResult(
        id: id, kind: .criticalPoint, statement: statement, holds: holds, why: why,
        measured: outcome.top, threshold: threshold, ladder: outcome.rungs, controls: controls)
    } catch {
      return CheckResult(
        id: id, kind: .criticalPoint, statement: statement, threshold: threshold, error: error)
    }
  }

  private func inertia(
    of eigenvalues: () throws -> [BigFloat], _ what: String, _ tolerance: BigFloat
  ) throws -> Inertia {
    let values = try eigenvalues()
    for (i, value) in values.enumerated() { _ = try finite(value, "eigenvalue \(i) of \(what)") }
    return Inertia(eigenvalues: values, zeroTolerance: tolerance)
  }
}
