import Foundation
import Numeric
import Symbolic

// `bench symbolic`: differentiate the squared loss of a tanh MLP (3 inputs, three hidden layers
// of width 4, linear output: 4 weight layers, 48 weights) with respect to every weight, the
// result canonical; and the same in SymPy (whose `diff` also canonicalises automatically).

private let layerSizes = [3, 4, 4, 4, 1]

/// The loss and its weight names, for fixed input (1/2, −1/3, 2/5) and target 1/7.
func mlpLoss() -> (loss: Expr, weights: [String]) {
  var h = [Rational(1, 2), Rational(-1, 3), Rational(2, 5)].map { Expr($0) }
  var names: [String] = []
  for l in 0..<(layerSizes.count - 1) {
    h = (0..<layerSizes[l + 1]).map { i in
      let z = Expr.sum((0..<layerSizes[l]).map { j in
        let name = "w\(l)_\(i)_\(j)"
        names.append(name)
        return .variable(name) * h[j]
      })
      return l < layerSizes.count - 2 ? .tanh(z) : z
    }
  }
  return (.pow(h[0] - Expr(Rational(1, 7)), 2), names)
}

private let sympyScript = """
  import sympy as sp, time
  sizes = [3, 4, 4, 4, 1]
  h = [sp.Rational(1, 2), sp.Rational(-1, 3), sp.Rational(2, 5)]
  names = []
  for l in range(len(sizes) - 1):
      z = []
      for i in range(sizes[l + 1]):
          terms = []
          for j in range(sizes[l]):
              w = sp.Symbol(f"w{l}_{i}_{j}")
              names.append(w)
              terms.append(w * h[j])
          z.append(sp.Add(*terms))
      h = [sp.tanh(v) for v in z] if l < len(sizes) - 2 else z
  loss = (h[0] - sp.Rational(1, 7))**2
  best = float("inf")
  for _ in range(3):
      start = time.perf_counter()
      ds = [sp.diff(loss, w) for w in names]
      best = min(best, time.perf_counter() - start)
  print(best)
  """

func runSymbolicBench() {
  let (loss, weights) = mlpLoss()
  var best = Double.infinity
  for _ in 0..<3 {
    best = min(best, secondsPerCall(minimum: .zero) {
      for w in weights { _ = loss.derivative(withRespectTo: w) }
    })
  }
  print("symbolic: \(weights.count) weight derivatives of a depth-4 tanh MLP loss: \(format(best * 1e3, 2)) ms")
  guard let sympy = runPython(sympyScript), let seconds = Double(sympy) else {
    print("symbolic sympy: skipped (python3 with sympy not available)")
    return
  }
  print("symbolic sympy: \(format(seconds * 1e3, 2)) ms")
  print("symbolic speedup over sympy: \(format(seconds / best, 0))x (target >= 50x)")
}

/// The trimmed standard output of `python3 -c script`, or nil if python3 or sympy is missing.
private func runPython(_ script: String) -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script]
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return nil }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return nil }
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
