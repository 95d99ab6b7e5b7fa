import Numeric

/// Muon, or EF-Muon, on matrices at `T`'s working precision with the generic polar factor
/// `msign` (one-sided Jacobi SVD, zero singular values to zero; no diagonal shortcut).
///
/// `M₋₁ = 0`, `Mₜ = β Mₜ₋₁ + (1−β) Gₜ`; Muon: `Wₜ₊₁ = Wₜ − γₜ msign(Mₜ)`; EF-Muon with LMO
/// radius `ηₜ = γₜ L`: `Pₜ = Eₜ + γₜ Mₜ`, `Wₜ₊₁ = Wₜ − ηₜ msign(Pₜ)`, `Eₜ₊₁ = Pₜ − ηₜ msign(Pₜ)`.
struct MatrixMuonRun<T: Scalar> {
  /// `W₀…W_T`.
  private(set) var iterates: [Matrix<T>]
  /// `G₀…G_{T−1}`.
  private(set) var gradients: [Matrix<T>] = []
  /// `M₀…M_{T−1}`.
  private(set) var momenta: [Matrix<T>] = []
  /// `E₀…E_T` for error feedback, empty otherwise.
  private(set) var memories: [Matrix<T>] = []

  /// Runs `steps.count` steps; `errorFeedbackLipschitz` is `L` for EF-Muon, nil for Muon.
  init(
    start: Matrix<T>, beta: T, steps: [T], errorFeedbackLipschitz: T? = nil,
    subgradient: (Matrix<T>) -> Matrix<T>
  ) throws {
    iterates = [start]
    var w = start
    var momentum = Matrix<T>.zeros(start.rowCount, start.columnCount)
    var memory = momentum
    if errorFeedbackLipschitz != nil { memories = [memory] }
    for gamma in steps {
      let g = subgradient(w)
      gradients.append(g)
      momentum = beta * momentum + (1 - beta) * g
      momenta.append(momentum)
      if let lipschitz = errorFeedbackLipschitz {
        let p = memory + gamma * momentum
        let d = (gamma * lipschitz) * (try p.matrixSign())
        w = w - d
        memory = p - d
        memories.append(memory)
      } else {
        w = w - gamma * (try momentum.matrixSign())
      }
      guard w.isFinite else { throw CheckFailure(description: "a Muon iterate is not finite") }
      iterates.append(w)
    }
  }
}
