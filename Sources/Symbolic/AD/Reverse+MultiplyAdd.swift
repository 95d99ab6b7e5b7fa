import Numeric

extension Reverse {
  /// `self += a · b`, recording what `self = self + a * b` records (the product's node, then
  /// the sum's) with the same value, but rounding the product into the sum in place
  /// (`T.addRoundedProduct`: the operators' two roundings). Neither the product's value nor a
  /// new sum is made: matrix and dot products on reverse values are chains of these, and
  /// transformer's attention stack spent a third of its recording on those two values.
  @inlinable public mutating func addRoundedProduct(_ a: Reverse, _ b: Reverse) {
    // The product's node, as `chain(a, b, value:, slopes: (b.value, a.value))` records it.
    var product = -1
    let productTape: Tape<T>?
    switch (a.tape, b.tape) {
    case (nil, nil): productTape = nil
    case (let tape?, nil):
      product = tape.record(a.index, b.value)
      productTape = tape
    case (nil, let tape?):
      product = tape.record(b.index, a.value)
      productTape = tape
    case (let tape?, let other?):
      precondition(tape === other, "Reverse values from different tapes were combined")
      product = tape.record(a.index, b.value, b.index, a.value)
      productTape = tape
    }
    primal.addRoundedProduct(a.value, b.value)
    // The sum's node, as `unit(self, product, kinds: (.one, .one))` records it.
    switch (tape, productTape) {
    case (nil, nil): break
    case (let tape?, nil): index = tape.record(index, -1, kinds: (.one, .general))
    case (nil, let other?):
      index = other.record(product, -1, kinds: (.one, .general))
      tape = other
    case (let tape?, let other?):
      precondition(tape === other, "Reverse values from different tapes were combined")
      index = tape.record(index, product, kinds: (.one, .one))
    }
  }
}
