import Numeric

/// A finite data set `(x_p, y_p)`, `p = 1…n`, whose average stands in for the expectation `E`.
public struct Dataset<T: Scalar>: Sendable {
  public var inputs: [[T]]
  public var targets: [[T]]
  public var count: Int { inputs.count }

  @inlinable
  public init(inputs: [[T]], targets: [[T]]) {
    precondition(inputs.count == targets.count, "as many inputs as targets")
    self.inputs = inputs
    self.targets = targets
  }
}

/// A biasless multilayer perceptron with a linear read-out,
///
///     h₀ = x,  z_l = W_l h_{l−1} (l = 1…L),  h_l = σ(z_l) (l < L),  ŷ = z_L,
///
/// trained on `L(W) = (1/n) Σ_p ℓ(ŷ(x_p), y_p)` by gradient flow `Ẇ_l = −∇_{W_l} L`.
///
/// Layer indices in the API are the paper's, 1-based: `weight(1)` is `W_1`.
public struct BiaslessMLP<T: Scalar>: Sendable {
  /// `W_1 … W_L` (stored 0-based).
  public var weights: [Matrix<T>]
  public var activation: Activation

  @inlinable
  public init(weights: [Matrix<T>], activation: Activation) {
    precondition(!weights.isEmpty, "a network needs at least one layer")
    for l in 1..<weights.count {
      precondition(weights[l].columnCount == weights[l - 1].rowCount, "layer widths must chain")
    }
    self.weights = weights
    self.activation = activation
  }

  /// The depth L.
  @inlinable public var depth: Int { weights.count }
  /// `W_l`, 1-based.
  @inlinable public func weight(_ l: Int) -> Matrix<T> { weights[l - 1] }

  /// The stored activity of one forward pass: `z[l-1] = z_l` (l = 1…L) and `h[l] = h_l`
  /// (l = 0…L−1).
  public struct Pass: Sendable {
    public var z: [[T]]
    public var h: [[T]]
    @inlinable public var output: [T] { z[z.count - 1] }

    @inlinable init(z: [[T]], h: [[T]]) {
      self.z = z
      self.h = h
    }
  }

  /// The forward pass for one input.
  @inlinable
  public func forward(_ x: [T]) -> Pass {
    var z: [[T]] = []
    var h: [[T]] = [x]
    for l in 1...depth {
      let zl = weight(l) * h[l - 1]
      z.append(zl)
      if l < depth { h.append(zl.map { activation.value($0) }) }
    }
    return Pass(z: z, h: h)
  }

  /// `L(W) = (1/n) Σ_p ℓ(ŷ(x_p), y_p)`.
  public func loss(on data: Dataset<T>, _ loss: PerSampleLoss) -> T {
    var total = T.zero
    for (x, y) in zip(data.inputs, data.targets) {
      total += loss.value(prediction: forward(x).output, target: y)
    }
    return total / T(data.count)
  }

  /// The gates `σ′(z_l)`, l = 1…L−1, of a pass (reading `h_l = σ(z_l)` where σ′ is a
  /// function of σ).
  @inlinable
  func gates(_ pass: Pass) -> [[T]] {
    (1..<depth).map { l in activation.derivatives(pass.z[l - 1], values: pass.h[l]) }
  }

  /// Back-propagation for one sample: `δ_L = ∇_ŷ ℓ`, `g_l = W_{l+1}ᵀ δ_{l+1}` (the signal
  /// arriving at layer l's output) and `δ_l = σ′(z_l) ⊙ g_l`, with the pass's `gates`.
  /// Returns `delta[l-1] = δ_l` (l = 1…L) and `upstream[l-1] = g_l` (l = 1…L−1).
  @inlinable
  func backward(_ pass: Pass, gates: [[T]], target: [T], _ loss: PerSampleLoss)
    -> (delta: [[T]], upstream: [[T]])
  {
    var delta = Array(repeating: [T](), count: depth)
    var upstream = Array(repeating: [T](), count: depth - 1)
    delta[depth - 1] = loss.gradient(prediction: pass.output, target: target)
    for l in stride(from: depth - 1, through: 1, by: -1) {
      let g = weight(l + 1).transposedProduct(delta[l])
      upstream[l - 1] = g
      delta[l - 1] = zip(gates[l - 1], g).map { $0 * $1 }
    }
    return (delta, upstream)
  }

  /// Every sample's forward pass, gates `σ′(z_l)` and back-propagated signals, computed once,
  /// so that the per-layer quantities (`S_l`, the identity's right-hand sides) read them rather
  /// than re-running the network per layer: the same operations in the same order, so the same
  /// bits, for one pass per sample instead of one per sample and layer.
  public struct Propagation: Sendable {
    public let passes: [Pass]
    /// `gates[p][l-1] = σ′(z_l(x_p))`, l = 1…L−1.
    public let gates: [[[T]]]
    /// `delta[p][l-1] = δ_l` and `upstream[p][l-1] = g_l` of back-propagation.
    public let delta: [[[T]]]
    public let upstream: [[[T]]]

    @inlinable init(passes: [Pass], gates: [[[T]]], delta: [[[T]]], upstream: [[[T]]]) {
      self.passes = passes
      self.gates = gates
      self.delta = delta
      self.upstream = upstream
    }
  }

  /// The propagation of `data` under `loss`.
  @inlinable
  public func propagate(_ data: Dataset<T>, _ loss: PerSampleLoss) -> Propagation {
    let passes = data.inputs.map(forward)
    let gates = passes.map(gates)
    let signals = zip(zip(passes, gates), data.targets).map { pass, target in
      backward(pass.0, gates: pass.1, target: target, loss)
    }
    return Propagation(
      passes: passes, gates: gates, delta: signals.map(\.delta), upstream: signals.map(\.upstream))
  }

  /// The gradients `∇_{W_l} L = (1/n) Σ_p δ_l h_{l−1}ᵀ`, l = 1…L, by back-propagation.
  @inlinable
  public func gradients(on data: Dataset<T>, _ loss: PerSampleLoss) -> [Matrix<T>] {
    gradients(of: propagate(data, loss))
  }

  /// The gradients from a propagation's passes and signals.
  @inlinable
  public func gradients(of propagation: Propagation) -> [Matrix<T>] {
    var result = weights.map { Matrix<T>.zeros($0.rowCount, $0.columnCount) }
    // Accumulated in place: the same two roundings per entry as adding the outer product.
    for (pass, delta) in zip(propagation.passes, propagation.delta) {
      for l in 1...depth {
        let (d, h) = (delta[l - 1], pass.h[l - 1])
        for i in d.indices {
          for j in h.indices { result[l - 1][i, j].addRoundedProduct(d[i], h[j]) }
        }
      }
    }
    let n = T(propagation.passes.count)
    return result.map { $0 / n }
  }

  /// The scaling derivative `S_l = d/ds L(…, (1+s) W_l, …)|_{s=0}` by one tangent pass:
  /// seed `ż_l = z_l`, push `ż_k = W_k (σ′(z_{k−1}) ⊙ ż_{k−1})` to the output and average
  /// `⟨∇_ŷ ℓ, ż_L⟩`. Along the flow `d‖W_l‖²_F/dt = −2 S_l`.
  public func scalingDerivative(layer l: Int, of propagation: Propagation) -> T {
    var total = T.zero
    for (p, pass) in propagation.passes.enumerated() {
      var tangent = pass.z[l - 1]
      if l < depth {
        for k in (l + 1)...depth {
          let gated = zip(propagation.gates[p][k - 2], tangent).map { $0 * $1 }
          tangent = weight(k) * gated
        }
      }
      // δ_L = ∇_ŷ ℓ.
      let gradient = propagation.delta[p][depth - 1]
      total += zip(gradient, tangent).reduce(T.zero) { $0 + $1.0 * $1.1 }
    }
    return total / T(propagation.passes.count)
  }

  /// The per-unit averages `(1/n) Σ_p g_{l,i}(x_p) · φ(z_{l,i}(x_p))`, i = 1…n_l, for a
  /// hidden layer l and any function φ (the Euler defect, or a wrong variant of it). Twice
  /// their sum is the right-hand side of the imbalance identity (C1), each one twice the
  /// right-hand side of the neuron-wise identity (C2).
  public func upstreamDefectAverages(
    layer l: Int, of propagation: Propagation, defect phi: (T) -> T
  ) -> [T] {
    precondition((1..<depth).contains(l), "layer \(l) is not hidden")
    var sums = Array(repeating: T.zero, count: weight(l).rowCount)
    for (pass, upstream) in zip(propagation.passes, propagation.upstream) {
      let g = upstream[l - 1]
      for i in sums.indices { sums[i] += g[i] * phi(pass.z[l - 1][i]) }
    }
    let n = T(propagation.passes.count)
    return sums.map { $0 / n }
  }
}
