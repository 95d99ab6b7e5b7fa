import Numeric

/// What the user asked for on the command line, before it is validated against the claims:
/// precision, seed and `--set NAME=VALUE` assignments.
public struct RunRequest: Sendable {
  /// The precisions a user may ask for: below 16 bits nothing is meaningful, and above a
  /// million bits a ladder's top rung (twice the precision) stops being practical.
  public static let precisionRange = 16...1_000_000
  public static let defaultPrecision = 256

  public var precision: Int
  /// Overrides every selected claim's default seed.
  public var seed: UInt64?
  /// `NAME=VALUE` texts in command-line order.
  public var assignments: [String]

  public init(precision: Int = defaultPrecision, seed: UInt64? = nil, assignments: [String] = []) {
    self.precision = precision
    self.seed = seed
    self.assignments = assignments
  }

  /// - Throws: `UsageError` unless `precision` is in ``precisionRange``.
  public static func validate(precision: Int) throws(UsageError) {
    guard precisionRange.contains(precision) else {
      throw UsageError(
        "precision \(precision) bits is out of range; use \(precisionRange.lowerBound)..."
          + "\(precisionRange.upperBound) bits")
    }
  }

  /// One run per claim with its parameters resolved (defaults, overridden by the assignments
  /// that name a parameter the claim declares) and its instance decoded.
  ///
  /// - Throws: `UsageError` for a precision out of range, an assignment that is not
  ///   `NAME=VALUE`, set twice, names no parameter of any selected claim, has a value outside
  ///   the declared range, or breaks a claim's constraint between parameters. Nothing runs
  ///   unless every claim's instance is valid.
  public func plan(_ claims: [any Claim]) throws(UsageError) -> [ClaimRun] {
    try Self.validate(precision: precision)
    var values: [(name: String, text: String)] = []
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw UsageError("malformed --set '\(EchoedInput.cut(assignment))'; expected NAME=VALUE")
      }
      let name = String(assignment[..<equals])
      guard !values.contains(where: { $0.name == name }) else {
        throw UsageError("parameter \(name) is set twice")
      }
      let known = claims.flatMap { $0.parameters.map(\.name) }
      guard known.contains(name) else {
        let valid = Array(Set(known)).sorted()
        throw UsageError(
          "unknown parameter '\(EchoedInput.cut(name))'; "
            + (valid.isEmpty
              ? "the selected claims take no parameters"
              : "valid: " + valid.joined(separator: ", ")))
      }
      values.append((name, String(assignment[assignment.index(after: equals)...])))
    }
    return try claims.map { claim throws(UsageError) in
      let parameters = try claim.parameters.map { parameter throws(UsageError) in
        let text = values.first { $0.name == parameter.name }?.text
        return (parameter.name, try text.map(parameter.parse) ?? parameter.defaultValue)
      }
      let arguments = Arguments(
        precision: precision, seed: seed ?? claim.defaultSeed, values: parameters)
      do throws(UsageError) {
        return ClaimRun(claim: claim, arguments: arguments, measure: try claim.prepare(arguments))
      } catch {
        throw UsageError("\(claim.id): \(error.message)")
      }
    }
  }
}

/// One claim with everything it runs with, validated, and its instance decoded.
public struct ClaimRun: Sendable {
  public let claim: any Claim
  public let arguments: Arguments
  /// The claim's measurement of its instance.
  let measure: @Sendable (Measurements) throws -> Void

  public var precision: Int { arguments.precision }
  public var seed: UInt64 { arguments.seed }
  public var parameters: [(name: String, value: ParameterValue)] { arguments.values }

  /// The command line that reproduces this run, with every setting spelled out.
  public var command: String { claim.command(arguments) }
}
