/// The operation that made a ``Value``: data that figures can print and
/// that ``Value/backward()`` turns into local derivatives.
///
/// Its description is the text micrograd's graphs show: `+`, `*`, `**2`,
/// `tanh`, `exp`, `log`, `ReLU`, `sigmoid`; and `sum` and `dot` for the two
/// operations that take any number of operands in one node.
public enum Operation: Hashable, Sendable {
  /// `a + b`; also `a - b`, written `a + (-b)` as micrograd does.
  case add
  /// `a * b`; also `-a`, written `a * -1`, and `a / b`, written `a * b ** -1`.
  case multiply
  /// `a ** exponent` with a constant exponent.
  case power(Double)
  /// The hyperbolic tangent.
  case tanh
  /// The natural exponential.
  case exp
  /// The natural logarithm.
  case log
  /// The rectified linear unit, `max(0, a)`.
  case relu
  /// The logistic function `1 / (1 + exp(-a))`.
  case sigmoid
  /// `a₀ + a₁ + ... + aₙ₋₁` in one node (``Value/sumNode(_:)``).
  case sum
  /// `a₀·b₀ + a₁·b₁ + ... + aₙ₋₁·bₙ₋₁` in one node (`Value.dot(a, b)`):
  /// the operands are the `a`s, then the `b`s.
  case dot

  /// How many operands the operation takes: 2 for `+` and `*`, `nil` (any
  /// number) for `sum` and `dot`, else 1.
  public var arity: Int? {
    switch self {
    case .add, .multiply: 2
    case .sum, .dot: nil
    default: 1
    }
  }
}

extension Operation: CustomStringConvertible {
  /// The operation as micrograd prints it: `+`, `*`, `**2`, `**-1`, `**0.5`,
  /// `tanh`, `exp`, `log`, `ReLU`, `sigmoid`, `sum`, `dot`.
  public var description: String {
    switch self {
    case .add: "+"
    case .multiply: "*"
    case .power(let exponent): "**" + Operation.format(exponent)
    case .tanh: "tanh"
    case .exp: "exp"
    case .log: "log"
    case .relu: "ReLU"
    case .sigmoid: "sigmoid"
    case .sum: "sum"
    case .dot: "dot"
    }
  }

  /// Whole exponents print without a fraction (`2`, `-1`), as Python's ints do.
  private static func format(_ exponent: Double) -> String {
    if exponent == exponent.rounded(), abs(exponent) < 1e15 {
      return String(Int64(exponent))
    }
    return String(exponent)
  }
}
