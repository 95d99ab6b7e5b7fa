import Numeric

/// C4 [paper; exact identities derived]: without causal masking the drift depends on the tokens
/// only through their empirical measure, so at every depth (a) reversing the input tokens
/// reverses the outputs and (b) giving every token twice (copies adjacent, 2n tokens) gives each
/// copy the original token's trajectory. Both are exact; in floating point the two sides differ
/// only by the rounding of sums taken in another order.
struct MeanFieldStudy: Sendable {
  let instance: AttentionInstance
  let depth: Int

  /// `max |X^L(reversed X0) − reversed X^L(X0)|` at the working precision.
  func permutationError(_ normalisation: AttentionNormalisation = .softmax) -> BigFloat {
    let rounded: RoundedAttentionInstance<BigFloat> = instance.rounded()
    let stack = ResidualStack(instance: rounded, depth: depth, normalisation: normalisation)
    let n = instance.tokens
    let reversal = Array((0..<n).reversed())
    let permuted = stack.output(from: Self.rows(rounded.x0, reversal))
    return (permuted - Self.rows(stack.output, reversal)).maximumMagnitude
  }

  /// `max |X^L(duplicated X0) − duplicated X^L(X0)|` at the working precision; `normalisation`
  /// applies to both runs.
  func duplicationError(_ normalisation: AttentionNormalisation = .softmax) -> BigFloat {
    let rounded: RoundedAttentionInstance<BigFloat> = instance.rounded()
    let stack = ResidualStack(instance: rounded, depth: depth, normalisation: normalisation)
    let copies = (0..<instance.tokens).flatMap { [$0, $0] }
    let duplicated = stack.output(from: Self.rows(rounded.x0, copies))
    return (duplicated - Self.rows(stack.output, copies)).maximumMagnitude
  }

  /// The matrix of `x`'s rows `indices`, in that order.
  static func rows<T: Scalar>(_ x: Matrix<T>, _ indices: [Int]) -> Matrix<T> {
    Matrix(indices.map { x.row($0) })
  }

  func checks() -> [any Check] {
    let frozen = AttentionNormalisation.frozenCount(instance.tokens)
    return [
      IdentityCheck(
        id: "C4-permutation",
        statement:
          "[paper; exact] non-causal attention is permutation equivariant: at L = \(depth), reversing the \(instance.tokens) input tokens reverses the outputs: max entry difference over the precision ladder",
        residual: { _ in permutationError() },
        controls: [.init("causal masking") { _ in permutationError(.causal) }]),
      IdentityCheck(
        id: "C4-duplication",
        statement:
          "[paper; exact] the drift depends on the empirical measure only: at L = \(depth), giving every token twice (\(2 * instance.tokens) tokens, copies adjacent) gives each copy the original token's output: max entry difference over the precision ladder",
        residual: { _ in duplicationError() },
        controls: [
          .init("causal masking") { _ in duplicationError(.causal) },
          .init("weights exp(s_ij − max_k s_ik)/n with n frozen at \(instance.tokens)") { _ in
            duplicationError(frozen)
          },
        ]),
    ]
  }

  func record(in measurements: Measurements) {
    measurements.record("C4_L", depth)
    measurements.record("C4_perm_err", permutationError())
    measurements.record("C4_dup_err", duplicationError())
    measurements.record("C4_causal_perm_err", permutationError(.causal))
    measurements.record("C4_causal_dup_err", duplicationError(.causal))
    measurements.record("C4_frozen_count_dup_err", duplicationError(.frozenCount(instance.tokens)))
  }
}
