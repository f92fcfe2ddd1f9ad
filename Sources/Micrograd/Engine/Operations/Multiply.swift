// `*`: micrograd's `__mul__`, its forward and its local derivatives.

extension Value {
  /// `a * b`: a new value whose operands are `a` and `b`.
  ///
  /// `a * a` keeps both operands, and its gradient is `2a`. `-a` is
  /// `a * -1` and `a / b` is `a * b ** -1`, as micrograd writes them.
  public static func * (lhs: Value, rhs: Value) -> Value {
    Value(Multiply.forward(lhs.data, rhs.data), op: .multiply, lhs, rhs)
  }
}

/// The rules of `*`.
enum Multiply {
  /// How graphs print the operation.
  static let symbol = "*"

  /// The forward: `a * b`.
  @inline(__always)
  static func forward(_ a: Double, _ b: Double) -> Double { a * b }

  /// d(a * b)/da = b and d(a * b)/db = a: each operand's local derivative
  /// is the other operand's data.
  @inline(__always)
  static func derivative(other: Double) -> Double { other }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(name: "the product rule", forward: "o = a * b", derivative: "do/da = b, do/db = a")

  /// The local derivative as the explorer writes it: the other operand's
  /// data, `b.data`.
  static func derivativeText(other: String) -> String { "\(other).data" }
}
