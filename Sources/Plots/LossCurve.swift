import Foundation

/// A training run's loss curve, as the makemore lecture plots it: log10
/// of the loss against the step, each point the mean of a run of steps so
/// that a long run stays a readable line (and a small file).
///
/// The y axis fits the data: a log loss has no meaningful zero.
///
/// ```swift
/// let curve = LossCurve(losses: model.train(on: train, schedule: s, using: &g))
/// try figures.write(curve, "loss")        // loss.svg; or curve.svg(), the text
/// ```
public struct LossCurve: Plot {
  /// The points drawn: (first step of the run, log10 of its mean loss).
  public let points: [(x: Double, y: Double)]
  /// The title, above the axes.
  public var title: String

  /// The curve of `losses`, one per step.
  ///
  /// - Parameters:
  ///   - losses: The loss at each step, in order.
  ///   - title: The title, above the axes.
  ///   - maxPoints: The most points to draw (at least 1): the steps are
  ///     averaged in runs of equal length, the last run shorter.
  public init(losses: [Double], title: String = "minibatch loss", maxPoints: Int = 1_000) {
    self.title = title
    points = Self.points(losses, maxPoints: maxPoints)
  }

  /// At most `maxPoints` points: log10 of the mean loss of each run of
  /// steps, at the run's first step. A run whose mean is not positive and
  /// finite gives a point that is not finite, which the plot leaves out.
  static func points(_ losses: [Double], maxPoints: Int) -> [(x: Double, y: Double)] {
    let bucket = max(1, (losses.count + max(maxPoints, 1) - 1) / max(maxPoints, 1))
    return stride(from: 0, to: losses.count, by: bucket).map { first in
      let part = losses[first..<min(first + bucket, losses.count)]
      return (Double(first), log10(part.reduce(0, +) / Double(part.count)))
    }
  }

  /// The curve as a ``LinePlot``: steps along x, log10 of the loss
  /// along y, fitted to the data.
  public var plot: LinePlot {
    LinePlot(
      title: title, xLabel: "step", yLabel: "log10(loss)", series: [Series("loss", points: points)],
      yRange: .fitted)
  }

  /// The curve as an SVG document.
  ///
  /// - Throws: ``PlotError/noData(plot:)`` when no loss was positive and
  ///   finite.
  public func svg() throws(PlotError) -> String {
    try plot.svg()
  }
}
