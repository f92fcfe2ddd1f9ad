// `relu`: its forward and its local derivative.

extension Value {
  /// The rectified linear unit, `0` for negative data and the data otherwise,
  /// exactly as micrograd computes it (NaN stays NaN).
  public func relu() -> Value {
    Value(ReLU.forward(data), op: .relu, self)
  }
}

/// The rules of `relu`.
enum ReLU {
  /// How graphs print the operation (`ReLU`), and its name as a function,
  /// `relu(x)`.
  static let symbol = "ReLU", name = "relu"

  /// The forward: `0` for negative `a`, else `a` (micrograd's
  /// `0 if self.data < 0 else self.data`).
  @inline(__always)
  static func forward(_ a: Double) -> Double { a < 0 ? 0 : a }

  /// d relu(a)/da = 1 where the output `o` is positive, else 0
  /// (micrograd's `(out.data > 0)`).
  @inline(__always)
  static func derivative(output o: Double) -> Double { o > 0 ? 1 : 0 }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(
    name: "the ReLU rule", forward: "o = relu(a) = max(0, a)", derivative: "do/da = 1 if o > 0, else 0")

  /// The local derivative as the explorer writes it: `(o.data > 0)`.
  static func derivativeText(output: String) -> String { "(\(output).data > 0)" }
}
