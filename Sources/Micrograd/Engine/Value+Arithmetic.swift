import Foundation

// MARK: - Exponentiation

/// Exponentiation binds tighter than multiplication and groups to the right,
/// as in Python: `2 * b ** 3` is `2 * (b ** 3)`, `a ** 2 ** 3` is `a ** 8`.
precedencegroup ExponentiationPrecedence {
  associativity: right
  higherThan: MultiplicationPrecedence
}

/// Raises to a power, as Python's `**`.
infix operator ** : ExponentiationPrecedence

/// `base ** exponent` on plain numbers, so that constant exponents can be
/// written as in Python (`a ** 2 ** 3`).
public func ** (base: Double, exponent: Double) -> Double {
  Foundation.pow(base, exponent)
}

// MARK: - Operators, each with its local derivative

extension Value {
  /// `a + b`: a new value whose operands are `a` and `b`.
  public static func + (lhs: Value, rhs: Value) -> Value {
    Value(lhs.data + rhs.data, op: .add, lhs, rhs)
  }

  /// At a node made by `a + b`: d(a + b)/da = d(a + b)/db = 1, so `+`
  /// hands its gradient to both operands unchanged.
  var addDerivative: Double { 1 }

  /// `a * b`: a new value whose operands are `a` and `b`.
  ///
  /// `a * a` keeps both operands, and its gradient is `2a`.
  public static func * (lhs: Value, rhs: Value) -> Value {
    Value(lhs.data * rhs.data, op: .multiply, lhs, rhs)
  }

  /// At a node made by `a * b`: d(a * b)/da = b and d(a * b)/db = a, so
  /// each operand gets the gradient times the other.
  func multiplyDerivative(at index: Int) -> Double {
    index == 0 ? rhs!.data : lhs!.data
  }

  /// `a ** n` for a constant exponent `n`.
  ///
  /// A negative base to a fractional power is NaN, as IEEE 754 says.
  public static func ** (base: Value, exponent: Double) -> Value {
    Value(Foundation.pow(base.data, exponent), op: .power(exponent), base)
  }

  /// At a node made by `a ** n`: d(a ** n)/da = n · a ** (n - 1). `a ** 0`
  /// is constant: its derivative is 0 even at a = 0, where the formula
  /// would give 0 · inf.
  func powerDerivative(_ n: Double) -> Double {
    n == 0 ? 0 : n * Foundation.pow(lhs!.data, n - 1)
  }

  /// `-a`, written `a * -1` as micrograd does.
  public static prefix func - (operand: Value) -> Value {
    operand * Value(-1)
  }

  /// `a - b`, written `a + (-b)` as micrograd does.
  public static func - (lhs: Value, rhs: Value) -> Value {
    lhs + (-rhs)
  }

  /// `a / b`, written `a * b ** -1` as micrograd does; `x / 0` is infinite.
  public static func / (lhs: Value, rhs: Value) -> Value {
    lhs * rhs ** -1
  }
}

// MARK: - Mixing with Double

extension Value {
  /// `a + 1.0`: the number becomes a leaf.
  public static func + (lhs: Value, rhs: Double) -> Value { lhs + Value(rhs) }
  /// `1.0 + a`: the number becomes a leaf.
  public static func + (lhs: Double, rhs: Value) -> Value { Value(lhs) + rhs }
  /// `a * 2.0`: the number becomes a leaf.
  public static func * (lhs: Value, rhs: Double) -> Value { lhs * Value(rhs) }
  /// `2.0 * a`: the number becomes a leaf.
  public static func * (lhs: Double, rhs: Value) -> Value { Value(lhs) * rhs }
  /// `a - 1.0`, written `a + (-1.0)` as micrograd does.
  public static func - (lhs: Value, rhs: Double) -> Value { lhs + Value(-rhs) }
  /// `1.0 - a`, written `1.0 + (-a)` as micrograd does.
  public static func - (lhs: Double, rhs: Value) -> Value { Value(lhs) + (-rhs) }
  /// `a / 2.0`, written `a * 2.0 ** -1` (a leaf holding 0.5) as micrograd does.
  public static func / (lhs: Value, rhs: Double) -> Value { lhs * Value(rhs ** -1) }
  /// `2.0 / a`, written `2.0 * a ** -1` as micrograd does.
  public static func / (lhs: Double, rhs: Value) -> Value { Value(lhs) * rhs ** -1 }
}

// MARK: - Compound assignment

extension Value {
  /// `c += d` makes `c` the new value `c + d`, as Python's `+=` rebinds.
  public static func += (lhs: inout Value, rhs: Value) { lhs = lhs + rhs }
  /// `c += 1.0` makes `c` the new value `c + 1.0`.
  public static func += (lhs: inout Value, rhs: Double) { lhs = lhs + rhs }
  /// `c -= d` makes `c` the new value `c - d`.
  public static func -= (lhs: inout Value, rhs: Value) { lhs = lhs - rhs }
  /// `c -= 1.0` makes `c` the new value `c - 1.0`.
  public static func -= (lhs: inout Value, rhs: Double) { lhs = lhs - rhs }
  /// `c *= d` makes `c` the new value `c * d`.
  public static func *= (lhs: inout Value, rhs: Value) { lhs = lhs * rhs }
  /// `c *= 2.0` makes `c` the new value `c * 2.0`.
  public static func *= (lhs: inout Value, rhs: Double) { lhs = lhs * rhs }
  /// `c /= d` makes `c` the new value `c / d`.
  public static func /= (lhs: inout Value, rhs: Value) { lhs = lhs / rhs }
  /// `c /= 2.0` makes `c` the new value `c / 2.0`.
  public static func /= (lhs: inout Value, rhs: Double) { lhs = lhs / rhs }
}
