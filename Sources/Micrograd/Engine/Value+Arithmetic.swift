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

// MARK: - Operators written with others, as micrograd writes them
//
// `+`, `*` and `**` on two values, each with its local derivatives, are in
// `Operations/Add.swift`, `Multiply.swift` and `Power.swift`.

extension Value {
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
