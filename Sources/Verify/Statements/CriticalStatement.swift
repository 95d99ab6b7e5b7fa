import Numeric
import Symbolic

/// `∇f(x*) = 0` with the Hessian's inertia, as a ``CriticalPointCheck``: the gradient at the
/// point (reverse mode), its Euclidean norm computed afresh at each rung of the precision
/// ladder, and the eigenvalues of the Hessian (forward over forward mode) at the working
/// precision (Jacobi),
/// counted with `|λ| ≤ 10⁻¹²` as zero. The inertia is the claimed one, or, when none is
/// claimed, the one found, which the report states.
///
/// The point is also certified (``CriticalPointCheck/Certification``): in Arb balls the
/// Krawczyk operator tests whether the box `x* ± 2^(−p/2)` holds exactly one zero of the
/// gradient and the Hessian over the box has the inertia, which makes the check `proved`.
///
/// Its negative control is the point moved by `2⁻²⁰` in every coordinate, judged the same way:
/// rejected when its gradient norm does not vanish and is at least `2⁻⁴⁰`. At a degenerate
/// point (a Hessian that is singular along the move) the gradient barely changes and the
/// check is inconclusive: the point is then not isolated to the precision the control probes.
public struct CriticalStatement: Statement {
  /// The inertia a statement claims.
  public enum Claimed: Sendable, Hashable {
    case minimum
    case maximum
    case inertia(Inertia)
    /// Whatever the Hessian has: only the gradient is claimed.
    case found

    /// `min`, `max`, `any` or `P,N,Z` (the numbers of positive, negative and zero eigenvalues).
    public static func parse(_ text: String) throws(UsageError) -> Claimed {
      switch text {
      case "min", "minimum": return .minimum
      case "max", "maximum": return .maximum
      case "any": return .found
      default:
        let counts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard counts.count == 3, let p = counts[0], let n = counts[1], let z = counts[2],
          p >= 0, n >= 0, z >= 0
        else {
          throw UsageError(
            "malformed inertia '\(EchoedInput.cut(text))'; expected min, max, any or P,N,Z "
              + "(counts of positive, negative and zero Hessian eigenvalues), such as 1,1,0")
        }
        return .inertia(Inertia(positive: p, negative: n, zero: z))
      }
    }
  }

  public let id: String
  let function: Expr
  let variables: [String]
  let point: [Expr]
  let claimed: Claimed
  public let parameterNames: [String]

  /// The move of the control's point, in every coordinate: `2⁻²⁰`.
  public static let shift = Rational(1, 1 << 20)
  static let rejectionThreshold = Rational(1, 1 << 40)

  /// - Parameter point: each variable of `text` with a constant expression for its value.
  /// The function's other names are parameters (``parameterNames``).
  ///
  /// - Throws: `UsageError` for an expression that does not parse, a value for a name the
  ///   function does not use, or a claimed inertia of the wrong size.
  public init(
    id: String, _ text: String, at point: [(name: String, value: String)], claimed: Claimed = .found
  ) throws(UsageError) {
    let (function, names) = try ExpressionInput.parse(text)
    var values: [Expr] = []
    var constants: [String] = []
    for (name, value) in point {
      guard !values.indices.contains(where: { point[$0].name == name }) else {
        throw UsageError("variable \(name) is given twice")
      }
      let (expr, used) = try ExpressionInput.parse(value, "the value of \(EchoedInput.cut(name))")
      values.append(expr)
      constants += used
    }
    let variables = point.map(\.name)
    guard !variables.isEmpty else { throw UsageError("a critical point needs at least one variable") }
    if let extra = variables.first(where: { !names.contains($0) }) {
      throw UsageError(
        "variable '\(EchoedInput.cut(extra))' does not occur in the function; its variables: "
          + (names.isEmpty ? "none" : names.joined(separator: ", ")))
    }
    if case .inertia(let inertia) = claimed,
      inertia.positive + inertia.negative + inertia.zero != variables.count
    {
      throw UsageError(
        "the inertia \(inertia) counts \(inertia.positive + inertia.negative + inertia.zero) "
          + "eigenvalues, but the Hessian has \(variables.count)")
    }
    self.id = id
    self.function = function
    self.variables = variables
    self.point = values
    self.claimed = claimed
    parameterNames = Verify.parameterNames(names + constants, besides: variables)
  }

  public func check(_ parameters: [String: Rational], _ measurements: Measurements) throws -> any Check {
    let function = self.function.binding(parameters)
    let point = self.point.map { $0.binding(parameters) }
    let variables = self.variables
    let n = variables.count
    let compiled = try CompiledExpr(function, variables: variables)
    // The gradient by the compiled expression's reverse sweep and the Hessian by forward over
    // forward mode (`hessian(of:at:)`): exact differentiation, rounding only, in `BigFloat` for
    // the ladder and in `Ball` for the Krawczyk box.
    func gradient<T: Scalar>(_ x: [T]) -> [T] { compiled.gradient(at: x).gradient }
    func hessianMatrix<T: Scalar>(_ x: [T]) -> Matrix<T> {
      hessian(of: { compiled.evaluate(at: $0) }, at: x)
    }
    /// The point's coordinates at the task's precision, moved by `shift`.
    func coordinates(_ shift: Rational) throws -> [BigFloat] {
      try point.enumerated().map { i, value in
        try finite(value.evaluate(at: [String: BigFloat]()), "the value of \(variables[i])") + BigFloat(shift)
      }
    }
    func norm(_ shift: Rational) -> (Int) throws -> BigFloat {
      { _ in
        var sum = BigFloat(0)
        for (i, value) in gradient(try coordinates(shift)).enumerated() {
          sum += try finite(value, "∂f/∂\(variables[i])") * value
        }
        return BigFloat.sqrt(sum)
      }
    }
    func eigenvalues(_ shift: Rational) -> () throws -> [BigFloat] {
      {
        let matrix = hessianMatrix(try coordinates(shift))
        for i in 0..<n {
          for j in 0..<n { _ = try finite(matrix[i, j], "∂²f/∂\(variables[i])∂\(variables[j])") }
        }
        return try matrix.symmetricEigenvalues()
      }
    }
    func certification(_ shift: Rational) throws -> CriticalPointCheck.Certification {
      CriticalPointCheck.Certification(
        point: try coordinates(shift), radius: 1 / Rational.pow(2, measurements.precision / 2),
        gradient: { gradient($0) }, hessian: { hessianMatrix($0) })
    }
    let zeroTolerance = Rational(1, 1_000_000_000_000)
    let found = Inertia(
      eigenvalues: try eigenvalues(0)(),
      zeroTolerance: BigFloat(zeroTolerance, precision: measurements.precision))
    measurements.record("\(id)_inertia", text: found.description)
    let inertia: Inertia
    switch claimed {
    case .minimum: inertia = Inertia(positive: n, negative: 0, zero: 0)
    case .maximum: inertia = Inertia(positive: 0, negative: n, zero: 0)
    case .inertia(let claimed): inertia = claimed
    case .found: inertia = found
    }
    let at = zip(variables, point).map { "\($0) = \($1)" }.joined(separator: ", ")
    return CriticalPointCheck(
      id: id,
      statement: "\(function) has a critical point at \(at): the gradient norm vanishes along "
        + "the precision ladder and the Hessian's inertia is \(inertia)"
        + (claimed == .found ? " (the inertia found; only the gradient is claimed)" : ""),
      inertia: inertia, zeroTolerance: zeroTolerance,
      rejectionThreshold: Self.rejectionThreshold, gradientNorm: norm(0),
      eigenvalues: eigenvalues(0), certification: try certification(0),
      controls: [
        .init(
          "the point moved by 2^-20 in every coordinate", gradientNorm: norm(Self.shift),
          eigenvalues: eigenvalues(Self.shift), certification: try certification(Self.shift))
      ])
  }
}
