import Foundation

// `exp`: its forward and its local derivative.

extension Value {
  /// The natural exponential; `exp(1000)` is infinite, as IEEE 754 says.
  public func exp() -> Value {
    Value(Exp.forward(data), op: .exp, self)
  }
}

/// The rules of `exp`.
enum Exp {
  /// How graphs print the operation, and its name as a function, `exp(x)`.
  static let symbol = "exp", name = "exp"

  /// The forward: `exp(a)`.
  @inline(__always)
  static func forward(_ a: Double) -> Double { Foundation.exp(a) }

  /// d exp(a)/da = exp(a): the output `o` itself.
  @inline(__always)
  static func derivative(output o: Double) -> Double { o }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(name: "the exponential rule", forward: "o = exp(a)", derivative: "do/da = o")

  /// The local derivative as the explorer writes it: `o.data`.
  static func derivativeText(output: String) -> String { "\(output).data" }
}
