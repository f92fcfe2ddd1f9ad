// The numbers the operations' rules compute with: a `Double`, or the
// compiled form's lanes, several examples' numbers side by side
// (`SIMD4<Double>`), each lane the same IEEE operation as the `Double`.

/// What an operation's forward and local derivative need: `+`, `-`,
/// `*`, `/` and the number 1.
protocol RuleNumber {
  static func + (lhs: Self, rhs: Self) -> Self
  static func - (lhs: Self, rhs: Self) -> Self
  static func * (lhs: Self, rhs: Self) -> Self
  static func / (lhs: Self, rhs: Self) -> Self
  /// 1 (in every lane).
  static var one: Self { get }
}

extension Double: RuleNumber {
  @inline(__always) static var one: Double { 1 }
}

extension SIMD4: RuleNumber where Scalar == Double {
  @inline(__always) static var one: SIMD4<Double> { SIMD4(repeating: 1) }
}
