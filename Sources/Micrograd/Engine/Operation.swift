/// The operation that made a ``Value``: data that figures can print and
/// that ``Value/backward()`` turns into local derivatives.
///
/// Its description is the text micrograd's graphs show: `+`, `*`, `**2`,
/// `tanh`, `exp`, `log`, `ReLU`, `sigmoid`; and `sum` and `dot` for the two
/// operations that take any number of operands in one node.
///
/// Each operation's rules (its forward, its local derivatives, how they
/// are said) are in one file of `Engine/Operations/`; the switches over
/// `Operation` only route to them.
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
    case .power, .tanh, .exp, .log, .relu, .sigmoid: 1
    case .sum, .dot: nil
    }
  }
}

extension Operation: CustomStringConvertible {
  /// The operation as micrograd prints it: `+`, `*`, `**2`, `**-1`, `**0.5`,
  /// `tanh`, `exp`, `log`, `ReLU`, `sigmoid`, `sum`, `dot`.
  public var description: String {
    switch self {
    case .add: Add.symbol
    case .multiply: Multiply.symbol
    case .power(let exponent): Power.symbol(exponent)
    case .tanh: Tanh.symbol
    case .exp: Exp.symbol
    case .log: Log.symbol
    case .relu: ReLU.symbol
    case .sigmoid: Sigmoid.symbol
    case .sum: Sum.symbol
    case .dot: Dot.symbol
    }
  }
}
