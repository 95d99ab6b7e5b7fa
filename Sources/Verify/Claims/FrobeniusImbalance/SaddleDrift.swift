import Numeric

/// The imbalance drift near the small-initialisation saddle (C6): with `W_l = ε M_l` and
/// σ(0) = 0, `σ′(0) = α`, first non-zero defect coefficient `c_q` at order q,
///
///     dΔ_l/dt = C_l ε^{L+(q−1)l} (1 + O(ε)),
///     C_l = (2 c_q α^{L−l−1+q(l−1)} / n) Σ_p ⟨M_{l+1}ᵀ⋯M_Lᵀ ∇_ŷℓ(0, y_p), (M_l⋯M_1 x_p)^{∘q}⟩.
///
/// (At small ε every hidden layer is linear with gain α, so `z_l ≈ ε^l α^{l−1} M_l⋯M_1 x`,
/// `φ(z_l) ≈ c_q z_l^{∘q}` and `g_l ≈ ε^{L−l} α^{L−l−1} M_{l+1}ᵀ⋯M_Lᵀ ∇ℓ(0, y)`.)
public enum SaddleDrift {
  /// The predicted exponent of ε: `L + (q−1) l` for σ(0) = 0 (classes B, C), `L − l` for
  /// σ(0) ≠ 0 (class D, where pre-activations stay O(ε) but φ(0) = −σ(0) ≠ 0).
  public static func exponent(depth: Int, layer l: Int, order q: Int, classD: Bool) -> Int {
    classD ? depth - l : depth + (q - 1) * l
  }

  /// The leading constant `C_l` above, from the matrices `M_l` and the data.
  public static func leadingConstant<T: Scalar>(
    matrices: [Matrix<T>], data: Dataset<T>, loss: PerSampleLoss,
    layer l: Int, order q: Int, coefficient cq: T, slope alpha: T
  ) -> T {
    let depth = matrices.count
    var total = T.zero
    for (x, y) in zip(data.inputs, data.targets) {
      var forward = x
      for k in 1...l { forward = matrices[k - 1] * forward }
      var backward = loss.gradient(prediction: y.map { _ in T.zero }, target: y)
      for k in stride(from: depth, through: l + 1, by: -1) {
        backward = matrices[k - 1].transposedProduct(backward)
      }
      total += zip(backward, forward).reduce(T.zero) { $0 + $1.0 * power($1.1, q) }
    }
    return T(2) * cq * power(alpha, depth - l - 1 + q * (l - 1)) / T(data.count) * total
  }

  /// `x^k` for k ≥ 0 by repeated multiplication (exact powers for every Scalar).
  static func power<T: Scalar>(_ x: T, _ k: Int) -> T {
    precondition(k >= 0)
    var result = T(1)
    for _ in 0..<k { result *= x }
    return result
  }
}
