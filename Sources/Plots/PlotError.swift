import Foundation

/// Why a plot could not be drawn.
///
/// Each case says what to change: which plot has nothing to draw, which
/// range or option is out of bounds.
public enum PlotError: Error, Equatable, Sendable {
  /// An axis range with an end that is NaN or infinite.
  case nonFiniteRange(lower: Double, upper: Double)
  /// The plot, named by its title, has no point with finite coordinates
  /// to draw (NaN and infinite points are left out of a plot).
  case noData(plot: String)
  /// A scatter plot's points and labels differ in number.
  case mismatchedLabels(points: Int, labels: Int)
  /// A count matrix's counts and labels do not have the same shape.
  case mismatchedShape(String)
  /// An option is out of range; the message says which and why.
  case invalidOption(String)
}

extension PlotError: CustomStringConvertible, LocalizedError {
  /// What went wrong, in one sentence.
  public var description: String {
    switch self {
    case .nonFiniteRange(let lower, let upper):
      "an axis cannot run from \(lower) to \(upper): both ends must be finite numbers"
    case .noData(let plot):
      "the plot \"\(plot)\" has no point with finite coordinates to draw"
    case .mismatchedLabels(let points, let labels):
      "\(points) points but \(labels) labels: give one label per point"
    case .mismatchedShape(let message), .invalidOption(let message):
      message
    }
  }

  /// The same as ``description``, for `localizedDescription`.
  public var errorDescription: String? { description }
}
