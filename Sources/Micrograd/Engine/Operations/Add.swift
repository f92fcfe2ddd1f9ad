// `+`: micrograd's `__add__`, its forward and its local derivatives.

extension Value {
  /// `a + b`: a new value whose operands are `a` and `b`.
  public static func + (lhs: Value, rhs: Value) -> Value {
    Value(Add.forward(lhs.data, rhs.data), op: .add, lhs, rhs)
  }
}

/// The rules of `+`. `a - b` is `a + (-b)`, as micrograd writes it.
enum Add {
  /// How graphs print the operation.
  static let symbol = "+"

  /// The forward: `a + b`.
  @inline(__always)
  static func forward(_ a: Double, _ b: Double) -> Double { a + b }

  /// d(a + b)/da = d(a + b)/db = 1: `+` hands its gradient to both
  /// operands unchanged.
  static var derivative: Double { 1 }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(name: "the sum rule", forward: "o = a + b", derivative: "do/da = do/db = 1")

  /// The local derivative as the explorer writes it, for either operand.
  static func derivativeText() -> String { "1" }
}
