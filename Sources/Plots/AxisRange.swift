/// How far an axis runs, given the data it shows.
public enum AxisRange: Hashable, Sendable {
  /// The data's range with a margin of 5% of it on each side, as
  /// matplotlib's autoscaling gives: for a quantity whose zero means
  /// nothing in particular, such as the log of a loss.
  case fitted
  /// From 0 (or to 0, for data below it) to the data with a 5% margin on
  /// the far side: for counts, accuracies and losses that reach 0 at
  /// best, whose distance from 0 is the point of the plot.
  case includingZero
  /// Exactly from `lower` to `upper`, whatever the data; points outside
  /// are cut off at the axes' edge.
  case fixed(lower: Double, upper: Double)

  /// The axis's ends for data running from `low` to `high` (both finite).
  ///
  /// - Throws: ``PlotError/invalidOption(_:)`` for a ``fixed(lower:upper:)``
  ///   range whose ends are not finite or not in increasing order.
  func limits(_ low: Double, _ high: Double) throws(PlotError) -> (lower: Double, upper: Double) {
    switch self {
    case .fitted:
      let (lo, hi) = Ticks.nonsingular(low, high)
      let margin = (hi / 2 - lo / 2) / 10
      return (finite(lo - margin), finite(hi + margin))
    case .includingZero:
      if low >= 0 { return (0, high > 0 ? finite(high + high / 20) : 1) }
      if high <= 0 { return (finite(low + low / 20), 0) }
      let margin = (high / 2 - low / 2) / 10
      return (finite(low - margin), finite(high + margin))
    case .fixed(let lower, let upper):
      guard lower.isFinite, upper.isFinite, lower < upper else {
        throw PlotError.invalidOption(
          "a fixed axis range must run from a finite number up to a larger one, not from \(lower) to \(upper)")
      }
      return (lower, upper)
    }
  }

  /// `x`, or the largest finite number of its sign when a margin took it
  /// past the largest `Double`.
  private func finite(_ x: Double) -> Double {
    min(max(x, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
  }
}
