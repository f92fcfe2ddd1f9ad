import Foundation

// `sigmoid`: its forward and its local derivative.

extension Value {
  /// The logistic function `1 / (1 + exp(-x))`, computed without overflow
  /// for large negative and positive inputs.
  public func sigmoid() -> Value {
    Value(Sigmoid.forward(data), op: .sigmoid, self)
  }
}

/// The rules of `sigmoid`.
enum Sigmoid {
  /// How graphs print the operation, and its name as a function,
  /// `sigmoid(x)`.
  static let symbol = "sigmoid", name = "sigmoid"

  /// The forward: `1 / (1 + exp(-a))` for `a ≥ 0`, and the same number
  /// written `exp(a) / (1 + exp(a))` below 0, where `exp(-a)` could overflow.
  @inline(__always)
  static func forward(_ a: Double) -> Double {
    if a >= 0 {
      return 1 / (1 + Foundation.exp(-a))
    }
    let e = Foundation.exp(a)
    return e / (1 + e)
  }

  /// d sigmoid(a)/da = sigmoid(a) · (1 - sigmoid(a)), from the output `o`.
  @inline(__always)
  static func derivative(output o: Double) -> Double { o * (1 - o) }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(
    name: "the sigmoid rule", forward: "o = sigmoid(a) = 1 / (1 + exp(−a))", derivative: "do/da = o · (1 − o)")

  /// The local derivative as the explorer writes it: `o.data × (1 − o.data)`.
  static func derivativeText(output: String) -> String { "\(output).data × (1 − \(output).data)" }
}
