/// A quadrature rule `∫ f(x) w(x) dx ≈ Σᵢ weights[i] · f(nodes[i])` for a fixed weight `w`.
public struct QuadratureRule<T: Scalar>: Sendable {
  /// Ascending.
  public let nodes: [T]
  public let weights: [T]

  /// `Σᵢ weights[i] · f(nodes[i])`.
  public func apply(_ f: (T) throws -> T) rethrows -> T {
    var sum = T.zero
    for (x, w) in zip(nodes, weights) { sum += w * (try f(x)) }
    return sum
  }

  /// Newton's method on an orthogonal polynomial `p` from a guess `x0`: iterate until the step
  /// is below `√ε`, then take one more step, which by quadratic convergence lands at the working
  /// precision without asking rounding noise to meet a tolerance at `ε` itself.
  static func polishedRoot(
    from x0: T, of p: @escaping (T) -> (value: T, derivative: T)
  ) throws -> T {
    let x = try Newton.solve({ p($0).value }, derivative: { p($0).derivative }, from: x0,
      relativeTolerance: T.zero, absoluteTolerance: T.sqrt(T.workingEpsilon)).root
    let (value, derivative) = p(x)
    return x - value / derivative
  }

  /// Checks what a Gauss rule must satisfy (finite, strictly increasing nodes and positive
  /// weights), so a Newton iteration that fell into a neighbouring root cannot go unnoticed.
  init(validatingNodes nodes: [T], weights: [T], family: String) throws {
    guard nodes.allSatisfy(\.isFinite) && weights.allSatisfy({ $0.isFinite && $0 > T.zero }),
      zip(nodes, nodes.dropFirst()).allSatisfy({ $0 < $1 })
    else { throw NumericError.notConverged(algorithm: "\(family) nodes", iterations: nodes.count) }
    self.nodes = nodes
    self.weights = weights
  }
}
