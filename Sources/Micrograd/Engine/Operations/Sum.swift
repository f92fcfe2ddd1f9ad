// `sum`: a sum of any number of values in one node, its forward and its
// local derivatives.

extension Value {
  /// The sum of `values` as one `sum` node: `a₀ + a₁ + ... + aₙ₋₁`.
  ///
  /// The same number as `values.sum()`, which builds micrograd's chain of
  /// `+` nodes (the one the lectures draw, as Python's `sum` does), in one
  /// node instead of *n* - 1: faster and lighter for large sums. The sum of
  /// nothing is 0.
  ///
  /// ```swift
  /// let x = [Value(1), Value(2), Value(3)]
  /// Value.sumNode(x).operands.count  // 3: one node
  /// x.sum().operands.count           // 2: (x0 + x1) + x2
  /// ```
  public static func sumNode(_ values: [Value]) -> Value {
    let list = OperandList(values)
    return Value(list.dataSum, op: .sum, list: list)
  }
}

/// The rules of `sum`. Its loops, over many operands, are fast-path code:
/// `OperandList` in `_OperandList.swift` (the eager engine) and the
/// compiled kernels (`_CompiledKernels.swift`); both call these rules.
enum Sum {
  /// How graphs print the operation.
  static let symbol = "sum"

  /// The forward, one operand at a time: the total so far plus the next
  /// operand, from 0.0, in operand order.
  @inline(__always)
  static func forward(_ total: Double, adding a: Double) -> Double { total + a }

  /// d(a₀ + ... + aₙ₋₁)/daᵢ = 1, as for `+`.
  static var derivative: Double { 1 }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(
    name: "the sum rule", forward: "o = a₀ + a₁ + … + aₙ₋₁", derivative: "do/daᵢ = 1")

  /// The local derivative as the explorer writes it, for every operand.
  static func derivativeText() -> String { "1" }
}
