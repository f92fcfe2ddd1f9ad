import Foundation

// `**`: micrograd's `__pow__`, its forward and its local derivative.

extension Value {
  /// `a ** n` for a constant exponent `n`.
  ///
  /// A negative base to a fractional power is NaN, as IEEE 754 says.
  public static func ** (base: Value, exponent: Double) -> Value {
    Value(Power.forward(base.data, exponent), op: .power(exponent), base)
  }
}

/// The rules of `**` with a constant exponent `n`.
enum Power {
  /// How graphs print the operation: `**2`, `**-1`, `**0.5`.
  static func symbol(_ n: Double) -> String { "**" + number(n) }

  /// The forward: `a ** n`.
  @inline(__always)
  static func forward(_ a: Double, _ n: Double) -> Double { Foundation.pow(a, n) }

  /// d(a ** n)/da = n · a ** (n - 1). `a ** 0` is constant: its derivative
  /// is 0 even at a = 0, where the formula would give 0 · inf.
  @inline(__always)
  static func derivative(_ a: Double, exponent n: Double) -> Double {
    n == 0 ? 0 : n * Foundation.pow(a, n - 1)
  }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(
    name: "the power rule", forward: "o = a ** n", derivative: "do/da = n · a ** (n − 1)")

  /// The local derivative as the explorer writes it: `2 · a.data ** 1`.
  static func derivativeText(operand: String, exponent n: Double) -> String {
    "\(number(n)) · \(operand).data ** \(number(n - 1))"
  }

  /// Whole exponents print without a fraction (`2`, `-1`), as Python's ints do.
  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 {
      return String(Int64(x))
    }
    return String(x)
  }
}
