import Testing

@testable import Numeric

@Suite struct InducedNormTests {
  /// `A = [[1, −2], [3, 4], [−5, 0]]`: column sums 9 and 6, row sums 3, 7 and 5.
  @Test func columnAndRowSums() {
    let a = Matrix<Double>([[1, -2], [3, 4], [-5, 0]])
    #expect(a.oneNorm == 9)
    #expect(a.infinityNorm == 7)
    #expect(a.transposed.oneNorm == a.infinityNorm)
    #expect(Matrix<Double>.zeros(0, 0).oneNorm == 0)
  }
}
