import Foundation

// `log`: its forward and its local derivative.

extension Value {
  /// The natural logarithm; `log(0)` is `-inf` and a negative number gives NaN.
  public func log() -> Value {
    Value(Log.forward(data), op: .log, self)
  }
}

/// The rules of `log`.
enum Log {
  /// How graphs print the operation, and its name as a function, `log(x)`.
  static let symbol = "log", name = "log"

  /// The forward: `log(a)`.
  @inline(__always)
  static func forward(_ a: Double) -> Double { Foundation.log(a) }

  /// d log(a)/da = 1 / a, from the operand `a`.
  @inline(__always)
  static func derivative(_ a: Double) -> Double { 1 / a }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(name: "the logarithm rule", forward: "o = log(a)", derivative: "do/da = 1 / a")

  /// The local derivative as the explorer writes it: `1 / a.data`.
  static func derivativeText(operand: String) -> String { "1 / \(operand).data" }
}
