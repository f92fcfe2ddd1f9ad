/// A picture that is written as SVG text: a ``LinePlot``, a ``PlotRow``, a
/// ``LossCurve``, a ``DecisionBoundary``.
///
/// The text is the same, byte for byte, on every run and every machine.
public protocol Plot: Sendable {
  /// The plot as an SVG document.
  ///
  /// - Throws: A ``PlotError`` when the plot has nothing to draw or an
  ///   option is out of range.
  func svg() throws(PlotError) -> String
}
