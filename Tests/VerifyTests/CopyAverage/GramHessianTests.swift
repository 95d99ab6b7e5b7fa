import Numeric
import Symbolic
import Testing

@testable import Verify

/// `PopulationLoss.hessian(at:leading:)`, the Gram chain rule, against forward over reverse on
/// the loss itself: random students, teachers and precisions (Arb's and MPFR's `tgeneric`
/// pattern), every activation, the committee machine's leading block, and Arb containment.
@Suite struct GramHessianTests {
  /// A random instance: `students` rows and `teachers` directions in `dimension`, with norms
  /// and output weights other than 1 so every kernel argument and factor is exercised.
  static func instance(
    _ activation: StudentActivation, seed: UInt64, students: Int, teachers: Int, dimension: Int
  ) -> (loss: PopulationLoss, theta: [Rational]) {
    var random = SplitMix64(seed: seed)
    let teacher = Teacher(
      directions: (0..<teachers).map { _ in
        (0..<dimension).map { _ in random.nextSymmetric(scale: Rational(1)) }
      },
      norms: (0..<teachers).map { _ in 1 + random.nextUniform() },
      outputs: (0..<teachers).map { _ in random.nextSymmetric(scale: Rational(2)) })
    let loss = PopulationLoss(activation: activation, teacher: teacher, students: students)
    let theta = (0..<loss.parameterCount).map { _ in random.nextSymmetric(scale: Rational(1)) }
    return (loss, theta)
  }

  /// Forward over reverse on `L`, with the entries after `leading` held constant.
  static func reference(_ loss: PopulationLoss, _ theta: [BigFloat], leading: Int) -> Matrix<
    BigFloat
  > {
    let frozen = theta[leading...].map { Reverse<Dual<BigFloat>>(constant: Dual(constant: $0)) }
    return gradientAndHessian(of: { loss(Array($0) + frozen) }, at: Array(theta.prefix(leading)))
      .hessian
  }

  /// The largest entry of `a − b`, relative to `b`'s largest entry (at least 1).
  static func distance(_ a: Matrix<BigFloat>, _ b: Matrix<BigFloat>) -> BigFloat {
    (a - b).maximumMagnitude / BigFloat.maxOrNaN(b.maximumMagnitude, 1)
  }

  @Test(arguments: StudentActivation.allCases)
  func matchesForwardOverReverseAtRandomPrecisions(_ activation: StudentActivation) {
    var precisions = SplitMix64(seed: 7)
    for seed in UInt64(1)...6 {
      let bits = 53 + Int(precisions.next() % 460)
      let shape = (students: 2 + Int(seed % 3), teachers: 1 + Int(seed % 2), dimension: 3)
      let (loss, exact) = Self.instance(
        activation, seed: seed, students: shape.students, teachers: shape.teachers,
        dimension: shape.dimension)
      withPrecision(bits) {
        let theta = exact.map { BigFloat($0) }
        let gram = loss.hessian(at: theta)
        let distance = Self.distance(gram, Self.reference(loss, theta, leading: theta.count))
        #expect(gram.isFinite && gram == gram.transposed)
        #expect(distance <= BigFloat.pow(2, 16 - bits), "\(activation) seed \(seed) at \(bits) bits")
        // The comparison can fail: the reference at θ with one weight moved by 2^-20.
        var moved = theta
        moved[0] += BigFloat.pow(2, -20)
        #expect(Self.distance(gram, Self.reference(loss, moved, leading: theta.count)) > BigFloat.pow(2, -40))
      }
    }
  }

  @Test func leadingBlockHoldsTheOtherEntriesFixed() {
    let (loss, exact) = Self.instance(.erf, seed: 3, students: 3, teachers: 2, dimension: 4)
    withPrecision(192) {
      let theta = exact.map { BigFloat($0) }
      let leading = loss.students * loss.dimension
      let block = loss.hessian(at: theta, leading: leading)
      let full = loss.hessian(at: theta)
      #expect(block.rowCount == leading && block.columnCount == leading)
      #expect(block == Matrix(rowCount: leading, columnCount: leading) { full[$0, $1] })
      #expect(Self.distance(block, Self.reference(loss, theta, leading: leading)) <= BigFloat.pow(2, 16 - 192))
    }
  }

  /// On balls every entry encloses the exact Hessian: it contains the reference computed with
  /// 64 more bits, and misses the reference at a point moved by 2^-30.
  @Test(arguments: StudentActivation.allCases)
  func ballHessianEnclosesTheExactOne(_ activation: StudentActivation) {
    let (loss, exact) = Self.instance(activation, seed: 5, students: 3, teachers: 2, dimension: 3)
    let enclosure = withPrecision(128) { loss.hessian(at: exact.map { Ball($0) }) }
    let (precise, moved) = withPrecision(192) {
      let theta = exact.map { BigFloat($0) }
      var shifted = theta
      shifted[1] += BigFloat.pow(2, -30)
      return (
        Self.reference(loss, theta, leading: theta.count),
        Self.reference(loss, shifted, leading: theta.count)
      )
    }
    let contained = zip(enclosure.entries, precise.entries).allSatisfy { $0.contains($1) }
    let missed = zip(enclosure.entries, moved.entries).contains { !$0.contains($1) }
    #expect(contained, "\(activation): an entry misses the exact Hessian")
    #expect(missed, "\(activation): the enclosure cannot tell a moved point apart")
  }
}
