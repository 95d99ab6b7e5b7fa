import Numeric
import Symbolic

/// The scaling derivatives `S_l = ⟨W_l, ∇_{W_l}L⟩ = d/ds L(…, (1+s)W_l, …)|₀` of a network by
/// three independent routes, whose agreement checks each of them:
///
/// 1. the hand-written tangent pass of ``BiaslessMLP/scalingDerivative(layer:of:)``;
/// 2. forward-mode AD (`Dual`) of the generic loss along `s ↦ (1+s)W_l`;
/// 3. reverse-mode AD (`Reverse`) of the generic loss for `∇_{W_l}L`, paired with `W_l`.
public struct ScalingRoutes<T: Scalar> {
  public let tangent: [T]
  public let forward: [T]
  /// `∇_{W_l}L` by reverse mode, l = 1…L.
  public let reverseGradients: [Matrix<T>]
  public let weights: [Matrix<T>]

  public init(network: BiaslessMLP<T>, data: Dataset<T>, loss: PerSampleLoss) {
    let depth = network.depth
    let propagation = network.propagate(data, loss)
    tangent = (1...depth).map { network.scalingDerivative(layer: $0, of: propagation) }
    let liftedData = Dataset(
      inputs: data.inputs.map { $0.map { Dual(constant: $0) } },
      targets: data.targets.map { $0.map { Dual(constant: $0) } })
    forward = (1...depth).map { l in
      Self.directionalDerivative(network, liftedData, loss, layer: l) { $0 }
    }
    weights = network.weights
    let shapes = network.weights.map { ($0.rowCount, $0.columnCount) }
    let flat = network.weights.flatMap(\.entries)
    let (_, gradient) = Symbolic.gradient(of: { x in
      var offset = 0
      let weights = shapes.map { rows, columns in
        defer { offset += rows * columns }
        return Matrix(rowCount: rows, columnCount: columns,
          entries: Array(x[offset..<offset + rows * columns]))
      }
      let data = Dataset(
        inputs: data.inputs.map { $0.map { Reverse(constant: $0) } },
        targets: data.targets.map { $0.map { Reverse(constant: $0) } })
      return BiaslessMLP(weights: weights, activation: network.activation).loss(on: data, loss)
    }, at: flat)
    var offset = 0
    reverseGradients = shapes.map { rows, columns in
      defer { offset += rows * columns }
      return Matrix(rowCount: rows, columnCount: columns,
        entries: Array(gradient[offset..<offset + rows * columns]))
    }
  }

  /// `d/ds L(…, W_l + s D(W_l), …)|₀` by forward mode, for a direction `D` applied entrywise.
  static func directionalDerivative(
    _ network: BiaslessMLP<T>, _ data: Dataset<Dual<T>>, _ loss: PerSampleLoss, layer l: Int,
    direction: (T) -> T
  ) -> T {
    let weights = network.weights.enumerated().map { k, w in
      Matrix(rowCount: w.rowCount, columnCount: w.columnCount,
        entries: w.entries.map { Dual($0, derivative: k == l - 1 ? direction($0) : T.zero) })
    }
    return BiaslessMLP(weights: weights, activation: network.activation).loss(on: data, loss)
      .derivative
  }

  /// The wrong seeding `d/ds L(…, W_l + s𝟙, …)` (the all-ones direction instead of `W_l`)
  /// against the tangent pass: the smallest mismatch over the layers, relative to `max_l |S_l|`.
  public static func onesSeedingDisagreement(
    network: BiaslessMLP<T>, data: Dataset<T>, loss: PerSampleLoss
  ) -> T {
    let propagation = network.propagate(data, loss)
    let routes = (1...network.depth).map { network.scalingDerivative(layer: $0, of: propagation) }
    let lifted = Dataset(
      inputs: data.inputs.map { $0.map { Dual(constant: $0) } },
      targets: data.targets.map { $0.map { Dual(constant: $0) } })
    let scale = routes.map(\.magnitude).maxOrNaN()!
    return (1...network.depth).map { l in
      (directionalDerivative(network, lifted, loss, layer: l) { _ in T(1) } - routes[l - 1]).magnitude
    }.minOrNaN()! / scale
  }

  /// `⟨W_l, ∇_{W_l}L⟩` from the reverse-mode gradient, l = 1…L.
  public var reverse: [T] {
    zip(weights, reverseGradients).map { $0.frobeniusInnerProduct($1) }
  }

  /// The largest disagreement between the three routes, relative to `max_l |S_l|`.
  public func disagreement() -> T {
    let scale = tangent.map(\.magnitude).maxOrNaN()!
    let reverse = self.reverse
    return tangent.indices.map { l in
      T.maxOrNaN((tangent[l] - forward[l]).magnitude, (tangent[l] - reverse[l]).magnitude)
    }.maxOrNaN()! / scale
  }
}
