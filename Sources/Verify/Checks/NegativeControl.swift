import Numeric

/// A deliberately wrong variant of a check's statement (a wrong exponent, a perturbed point, a
/// dropped term) that the check's own machinery must reject. A check whose control is not
/// rejected cannot tell its statement from a wrong one, and is `inconclusive`, never `pass`.
///
/// `Variant` is what the check kind measures: a residual for an identity, an exponent for a
/// rate, a decision for an exact check. Each kind builds its controls with its own initialiser
/// (`IdentityCheck.Control("wrong sign", residual: { bits in … })`).
public struct NegativeControl<Variant> {
  public var description: String
  public var variant: Variant

  public init(description: String, variant: Variant) {
    self.description = description
    self.variant = variant
  }
}

/// What a check kind's machinery found about one statement, the check's own or a control's.
struct Judgement {
  enum Status {
    /// The statement holds by the kind's rule.
    case holds
    /// It does not: for the check a `fail`, for a control a rejection.
    case fails
    /// The machinery cannot decide (e.g. a residual that falls but needs more precision).
    case undecided
  }

  var status: Status
  /// The value the decision is about (a residual, a value, a slope, an effect).
  var measured: BigFloat
  /// One sentence on why.
  var why: String
  /// The measured value at each rung, for statements judged over a precision ladder.
  var ladder: [CheckResult.Rung] = []
  /// The condition `measured` had to meet when it differs between variants (a control's own
  /// bound), in words; the report shows a rejected control against it.
  var condition: String? = nil
  /// Whether a failure is clear by the kind's own margin (a residual of at least 1/1000, not
  /// one just above rounding): a control is rejected only when it fails clearly.
  var clearly = true
  /// The rigorous decision, when the kind could make one: an enclosure that lies on one side,
  /// an exact comparison, a certified zero. For the statement it makes a pass `proved`; for a
  /// control it makes the rejection a disproof.
  var certificate: Certificate? = nil

  /// The measured value at `bits` when the ladder has that rung (a control is reported at the
  /// working precision), else ``measured``.
  func measured(at bits: Int) -> BigFloat {
    ladder.first { $0.bits == bits }?.value ?? measured
  }
}

/// The one evaluation every check kind shares: the statement and each of its negative
/// controls go through the same `judge`; a control is rejected when the judge says it fails,
/// clearly (by the kind's margin, e.g. a residual of at least 1/1000). The verdict:
/// `fail` unless the statement holds; `inconclusive` when undecided, with no control, or with a
/// control not rejected; otherwise `pass`. An error or a NaN anywhere is a `fail` naming where.
struct ControlledEvaluation<Variant> {
  var id: String
  var kind: CheckKind
  var statement: String
  /// The condition the statement's measured value had to meet, in words.
  var threshold: String
  /// The condition under which a control is rejected, in words, shown beside each control.
  var rejection: (Judgement) -> String
  var judge: (Variant) throws -> Judgement

  func evaluate(
    _ variant: Variant, controls: [NegativeControl<Variant>], in context: CheckContext,
    plot: ((Judgement) -> RatePlot?)? = nil
  ) -> CheckResult {
    do {
      let judgement = try judge(variant)
      let results = try controls.map { control in
        let outcome: Judgement
        do {
          outcome = try judge(control.variant)
        } catch {
          throw CheckFailure(description: "control '\(control.description)': \(error)")
        }
        let rejected = outcome.status == .fails && outcome.clearly
        return ControlResult(
          description: control.description, rejected: rejected,
          disproved: rejected && outcome.certificate != nil,
          measured: outcome.measured(at: context.precision),
          threshold: rejection(outcome),
          detail: outcome.why + (outcome.certificate.map { "; disproved: " + $0.detail } ?? ""))
      }
      let (verdict, detail) = Self.verdict(judgement, results)
      return CheckResult(
        id: id, kind: kind, statement: statement, verdict: verdict,
        measured: judgement.measured, threshold: threshold, ladder: judgement.ladder,
        controls: results, detail: detail, plot: plot?(judgement),
        certificate: judgement.status == .holds ? judgement.certificate : nil)
    } catch {
      return CheckResult(
        notEvaluated: id, kind: kind, statement: statement, threshold: threshold, error: error)
    }
  }

  private static func verdict(
    _ judgement: Judgement, _ controls: [ControlResult]
  ) -> (Verdict, String) {
    switch judgement.status {
    case .fails: return (.fail, judgement.why)
    case .undecided: return (.inconclusive, judgement.why)
    case .holds: break
    }
    if controls.isEmpty {
      return (
        .inconclusive,
        judgement.why + "; no negative control, so the check cannot tell this from a wrong variant"
      )
    }
    if let accepted = controls.first(where: { !$0.rejected }) {
      return (
        .inconclusive, judgement.why + "; negative control '\(accepted.description)' was not rejected"
      )
    }
    guard let certificate = judgement.certificate else { return (.pass, judgement.why) }
    return (.proved, judgement.why + "; proved: " + certificate.detail)
  }
}

extension CheckResult {
  /// The `fail` of a check whose evaluation threw `error` (a NaN, a failed decomposition).
  init(notEvaluated id: String, kind: CheckKind, statement: String, threshold: String, error: any Error) {
    self.init(
      id: id, kind: kind, statement: statement, verdict: .fail, measured: nil,
      threshold: threshold, ladder: [], controls: [], detail: "not evaluated: \(error)", plot: nil,
      certificate: nil)
  }
}
