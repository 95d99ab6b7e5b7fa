import Numeric

/// The population loss of a two-layer student `f(x) = Σᵢ aᵢ σ(wᵢ·x)` against a `Teacher`,
///
///     L(W, a) = ½ E_x[(f(x) − f*(x))²]
///             = ½ [ Σᵢᵢ' aᵢaᵢ' g(wᵢ, wᵢ') − 2 Σᵢⱼ aᵢbⱼ g(wᵢ, vⱼ) + Σⱼⱼ' bⱼbⱼ' g(vⱼ, vⱼ') ],
///
/// exactly, through the closed-form pair kernel `g` of the activation (`StudentActivation`).
/// The ½ is the spec's convention (it reproduces Saad and Solla's generalisation error);
/// without it every loss, gradient and Hessian eigenvalue doubles, and nothing structural
/// changes.
///
/// Written once over `Scalar`: in `BigFloat` it is the loss and on `Reverse` its gradient; its
/// Hessian is `hessian(at:leading:)`, through the same kernels. The parameter vector is `θ = (w₁, …, wₙ, a₁, …, aₙ)`.
struct PopulationLoss: Sendable {
  var activation: StudentActivation
  var teacher: Teacher
  var students: Int

  var dimension: Int { teacher.dimension }
  /// `n d + n`.
  var parameterCount: Int { students * (dimension + 1) }

  /// `L(θ)` with `θ = (w₁, …, wₙ, a₁, …, aₙ)`.
  func callAsFunction<S: Scalar>(_ theta: [S]) -> S {
    precondition(
      theta.count == parameterCount, "θ has \(theta.count) entries, expected \(parameterCount)")
    let d = dimension
    let weights = (0..<students).map { Array(theta[($0 * d)..<(($0 + 1) * d)]) }
    return value(weights: weights, outputs: Array(theta[(students * d)...]))
  }

  /// `L(W, a)` for the student rows `weights` and output weights `outputs`.
  func value<S: Scalar>(weights: [[S]], outputs: [S]) -> S {
    let teachers: [[S]] = teacher.vectors()
    let b = teacher.outputs.map { S($0) }
    let studentNorms = weights.map { $0.dot($0) }
    let teacherNorms = teachers.map { $0.dot($0) }
    var students = S.zero
    for i in weights.indices {
      students += outputs[i] * outputs[i] * activation.diagonal(studentNorms[i])
      for i2 in weights.indices where i2 > i {
        let g = activation.pair(studentNorms[i], studentNorms[i2], weights[i].dot(weights[i2]))
        students += 2 * outputs[i] * outputs[i2] * g
      }
    }
    var cross = S.zero
    for i in weights.indices {
      for j in teachers.indices {
        cross +=
          outputs[i] * b[j]
          * activation.pair(studentNorms[i], teacherNorms[j], weights[i].dot(teachers[j]))
      }
    }
    var target = S.zero
    for j in teachers.indices {
      target += b[j] * b[j] * activation.diagonal(teacherNorms[j])
      for j2 in teachers.indices where j2 > j {
        target +=
          2 * b[j] * b[j2]
          * activation.pair(teacherNorms[j], teacherNorms[j2], teachers[j].dot(teachers[j2]))
      }
    }
    return (students - 2 * cross + target) / 2
  }
}
