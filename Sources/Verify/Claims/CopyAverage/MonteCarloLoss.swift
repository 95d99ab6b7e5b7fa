import Numeric

/// A double-precision Monte-Carlo estimate of `L = ½ E_x[(f(x) − f*(x))²]` for two students
/// against one `erf(z/√2)` teacher, on the same samples, so that their difference is estimated
/// with the smaller paired error (spec C3).
///
/// Samples: `N` standard normal vectors in `ℝ^d` from SplitMix64(`seed`) by Box–Muller (the
/// cosine variate, then the sine variate), laid out sample-major: sample `s`, coordinate `l` is
/// normal number `s·d + l` of the stream. Each estimate is a mean with standard error
/// `sd/√N`; the difference is the mean of the per-sample differences with its own error.
struct MonteCarloLoss: Sendable {
  struct Estimate: Sendable {
    var mean: Double
    var standardError: Double
  }

  var first: Estimate
  var second: Estimate
  /// `second − first`, paired.
  var difference: Estimate

  /// The first `count` normal variates of the stream, for checking the layout.
  static func normals(seed: UInt64, count: Int) -> [Double] {
    var generator = SplitMix64(seed: seed)
    var values: [Double] = []
    while values.count < count {
      let (c, s): (Double, Double) = generator.nextNormalPair()
      values += [c, s]
    }
    return Array(values.prefix(count))
  }

  /// Estimates the losses of the students `first` and `second` (each `θ = (w, a)` in `Double`)
  /// against `teacher` from `samples` draws.
  init(teacher: Teacher, first: [Double], second: [Double], samples: Int, seed: UInt64) {
    let d = teacher.dimension
    // Every unit as (weight row, output weight), teacher first with output −bⱼ, so that one
    // sum Σ a σ(w·x) over a network's units and the teacher's gives f − f*.
    let teacherUnits: [([Double], Double)] = (0..<teacher.count).map {
      (teacher.vector($0), -Double(teacher.outputs[$0]))
    }
    let students = [first, second].map { theta in
      let n = theta.count / (d + 1)
      return (0..<n).map { (Array(theta[($0 * d)..<(($0 + 1) * d)]), theta[n * d + $0]) }
    }
    let networks = students.map { teacherUnits + $0 }
    let scale = 1 / 2.0.squareRoot()
    var generator = SplitMix64(seed: seed)
    var pending: Double?
    var x = [Double](repeating: 0, count: d)
    var sums = [Double](repeating: 0, count: 3)
    var squares = [Double](repeating: 0, count: 3)
    var errors = [Double](repeating: 0, count: 2)
    for _ in 0..<samples {
      for l in 0..<d {
        if let next = pending {
          (x[l], pending) = (next, nil)
        } else {
          let (c, s): (Double, Double) = generator.nextNormalPair()
          (x[l], pending) = (c, s)
        }
      }
      for (i, units) in networks.enumerated() {
        var residual = 0.0
        for (w, a) in units {
          var z = 0.0
          for l in 0..<d { z += w[l] * x[l] }
          residual += a * Double.erf(z * scale)
        }
        errors[i] = residual * residual / 2
      }
      for (i, e) in [errors[0], errors[1], errors[1] - errors[0]].enumerated() {
        sums[i] += e
        squares[i] += e * e
      }
    }
    let estimates = (0..<3).map { i in
      let mean = sums[i] / Double(samples)
      let variance =
        (squares[i] / Double(samples) - mean * mean) * Double(samples) / Double(samples - 1)
      return Estimate(mean: mean, standardError: (variance / Double(samples)).squareRoot())
    }
    (self.first, self.second, difference) = (estimates[0], estimates[1], estimates[2])
  }
}
