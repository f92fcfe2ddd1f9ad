import Foundation

// `tanh`: the lecture's neuron activation, its forward and its local
// derivative.

extension Value {
  /// The hyperbolic tangent, the lecture's neuron activation.
  ///
  /// Computed directly, not as `(exp(2x) - 1) / (exp(2x) + 1)`, which
  /// overflows: `Value(800).tanh()` is 1 and its local derivative 0.
  public func tanh() -> Value {
    Value(Tanh.forward(data), op: .tanh, self)
  }
}

/// The rules of `tanh`.
enum Tanh {
  /// How graphs print the operation, and its name as a function, `tanh(x)`.
  static let symbol = "tanh", name = "tanh"

  /// The forward: `tanh(a)`.
  @inline(__always)
  static func forward(_ a: Double) -> Double { Foundation.tanh(a) }

  /// d tanh(a)/da = 1 - tanh(a)², from the output `o = tanh(a)`.
  @inline(__always)
  static func derivative(output o: Double) -> Double { 1 - o * o }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(name: "the tanh rule", forward: "o = tanh(a)", derivative: "do/da = 1 − o²")

  /// The local derivative as the explorer writes it: `(1 − o.data²)`.
  static func derivativeText(output: String) -> String { "(1 − \(output).data²)" }
}
