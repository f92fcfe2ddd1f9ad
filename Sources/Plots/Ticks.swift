import Foundation

/// The tick marks of an axis, placed as matplotlib places them: at the
/// multiples of a "nice" step (1, 2 or 5 × 10ⁿ) that fall in the axis's
/// range, as many as fit without passing a limit.
///
/// ```swift
/// let ticks = try Ticks(from: -4.95, to: 103.95)
/// ticks.values   // [0, 20, 40, 60, 80, 100]
/// ticks.labels   // ["0", "20", "40", "60", "80", "100"]
/// try Ticks(from: 1.48, to: 4.44).labels   // ["1.5", "2.0", "2.5", "3.0", "3.5", "4.0"]
/// ```
///
/// Labels are exact decimals, written from integers rather than from the
/// `Double`s (no `0.30000000000000004`, no locale): every label of an
/// axis has the same number of decimals, negative numbers take the minus
/// sign `−` (U+2212, as matplotlib writes them), and steps of 10⁶ or more,
/// or 10⁻⁵ or less, are written `2e6`, `1.5e-7`.
public struct Ticks: Hashable, Sendable {
  /// The step between two ticks: 1, 2 or 5 times a power of ten.
  public let step: Double
  /// The ticks' values, in increasing order.
  public let values: [Double]
  /// The ticks' labels, in the order of ``values``.
  public let labels: [String]
  /// The range the ticks were placed in: the range asked for or, when
  /// its ends are (nearly) equal, that range widened around its middle
  /// by a tenth of the middle's size (by 1 around 0): a constant series
  /// still gets an axis.
  public let lower: Double
  /// The upper end of the range the ticks were placed in (see ``lower``).
  public let upper: Double

  /// The most ticks an axis may ask for.
  public static let maximumCount = 50

  /// Ticks at the multiples of the smallest nice step that puts at most
  /// `maxCount` of them between `lower` and `upper` (both included).
  ///
  /// - Parameters:
  ///   - lower: One end of the axis.
  ///   - upper: The other end (the ends may come in either order).
  ///   - maxCount: The most ticks to place, 2 to ``maximumCount``.
  /// - Throws: ``PlotError/nonFiniteRange(lower:upper:)`` when an end is
  ///   NaN or infinite; ``PlotError/invalidOption(_:)`` when `maxCount`
  ///   is out of range.
  public init(from lower: Double, to upper: Double, atMost maxCount: Int = 7) throws(PlotError) {
    guard lower.isFinite, upper.isFinite else {
      throw PlotError.nonFiniteRange(lower: lower, upper: upper)
    }
    guard (2...Self.maximumCount).contains(maxCount) else {
      throw PlotError.invalidOption("an axis takes 2 to \(Self.maximumCount) ticks, not \(maxCount)")
    }
    let (lo, hi) = Self.nonsingular(min(lower, upper), max(lower, upper))
    self.lower = lo
    self.upper = hi
    // From a step somewhat smaller than the range over maxCount, up by
    // 1, 2, 5, 10, ...: the first with few enough ticks in the range.
    let halfSpan = hi / 2 - lo / 2
    var exponent = Int((log10(halfSpan) + log10(2 / Double(maxCount))).rounded(.down)) - 1
    while true {
      for mantissa in [1, 2, 5] {
        let step = NiceStep(mantissa: mantissa, exponent: exponent)
        let first = step.index(atOrAbove: lo)
        let last = step.index(atOrBelow: hi)
        guard last - first + 1 <= maxCount else { continue }
        let indices = first <= last ? Array(first...last) : []
        self.step = step.value
        values = indices.map(step.value(at:))
        labels = indices.map { step.label(at: $0) }
        return
      }
      exponent += 1
    }
  }

  /// `lower` and `upper`, or, when they are (nearly) equal, a range around
  /// their middle wide enough to place ticks in: a constant series still
  /// gets an axis. Ranges narrower than a billionth of their size, or than
  /// 10⁻²⁹⁰, count as equal; a middle smaller than 10⁻²⁹⁰ counts as 0.
  static func nonsingular(_ lower: Double, _ upper: Double) -> (Double, Double) {
    let magnitude = max(abs(lower), abs(upper))
    guard upper - lower <= max(magnitude * 1e-9, 1e-290) else { return (lower, upper) }
    let middle = lower / 2 + upper / 2
    let delta = abs(middle) < 1e-290 ? 1 : abs(middle) / 10
    let limit = Double.greatestFiniteMagnitude
    return (max(middle - delta, -limit), min(middle + delta, limit))
  }
}

/// A step of `mantissa` × 10^`exponent`, whose multiples are written
/// exactly: the `i`th tick is the integer `i × mantissa` shifted by the
/// exponent.
struct NiceStep {
  var mantissa: Int
  var exponent: Int

  /// The step as a number.
  var value: Double { scaled(Double(mantissa)) }

  /// The `index`th multiple of the step (`index × mantissa × 10^exponent`,
  /// rounded once).
  func value(at index: Int) -> Double { scaled(Double(index * mantissa)) }

  /// `x × 10^exponent`, dividing for a negative exponent so that `0.1`
  /// comes out as the `Double` nearest a tenth.
  private func scaled(_ x: Double) -> Double {
    exponent >= 0 ? x * powerOfTen(exponent) : x / powerOfTen(-exponent)
  }

  /// The first multiple's index at or above `x`, allowing for rounding.
  func index(atOrAbove x: Double) -> Int { Int((quotient(x) - 1e-9).rounded(.up)) }

  /// The last multiple's index at or below `x`, allowing for rounding.
  func index(atOrBelow x: Double) -> Int { Int((quotient(x) + 1e-9).rounded(.down)) }

  /// `x` over the step, computed as exactly as the exponent allows.
  private func quotient(_ x: Double) -> Double {
    let q = exponent >= 0 ? x / powerOfTen(exponent) : x * powerOfTen(-exponent)
    return q / Double(mantissa)
  }

  /// The `index`th tick's label: plain decimals with as many places as
  /// the step needs, or `1.5e-7` for very large or small steps.
  func label(at index: Int) -> String {
    let n = index * mantissa
    let sign = n < 0 ? "\u{2212}" : ""
    var digits = String(n.magnitude)
    if n == 0 { return exponent < 0 && exponent > -5 ? "0." + String(repeating: "0", count: -exponent) : "0" }
    if exponent >= 6 || exponent <= -5 {
      // Scientific: the significant digits, one before the point.
      var power = exponent
      while digits.count > 1, digits.hasSuffix("0") {
        digits.removeLast()
        power += 1
      }
      power += digits.count - 1
      let fraction = digits.dropFirst()
      return sign + String(digits.prefix(1)) + (fraction.isEmpty ? "" : "." + fraction) + "e\(power)"
    }
    if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
    let places = -exponent
    if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
    return sign + digits.dropLast(places) + "." + digits.suffix(places)
  }
}

/// 10^`n` for `n` ≥ 0: exact up to 10²², by multiplication; beyond, the
/// nearest `Double` the power function gives.
func powerOfTen(_ n: Int) -> Double {
  guard n > 22 else {
    var x = 1.0
    for _ in 0..<n { x *= 10 }
    return x
  }
  return pow(10, Double(n))
}
