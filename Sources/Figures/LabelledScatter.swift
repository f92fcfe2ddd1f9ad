/// Points on a pair of axes, each a large dot with its label written on
/// it, as makemore part 2 draws the 2-dimensional character embeddings:
///
/// ```python
/// plt.scatter(C[:,0].data, C[:,1].data, s=200)
/// for i in range(C.shape[0]):
///     plt.text(C[i,0].item(), C[i,1].item(), itos[i], ha="center", va="center", color='white')
/// plt.grid('minor')
/// ```
///
/// ```swift
/// let tokens = Vocabulary.lecture.tokens.map { String($0) }   // ".", "a", ..., "z"
/// let scatter = try LabelledScatter(
///   title: "C after 500 steps", xLabel: "C[:, 0]", yLabel: "C[:, 1]",
///   points: model.C.map { ($0[0].data, $0[1].data) }, labels: tokens)
/// try figures.write(scatter, "makemore-embedding")           // makemore-embedding.svg
/// ```
///
/// Both axes fit the points with a 5% margin (``AxisRange/fitted``), and
/// grid lines run from every tick. The dots are matplotlib's blue, the
/// labels white and centred on them; the dots are drawn in order, so a
/// later one covers an earlier one where they overlap.
public struct LabelledScatter: Plot {
  /// The title, above the axes.
  public var title: String
  /// The x axis's label.
  public var xLabel: String
  /// The y axis's label.
  public var yLabel: String
  /// The points, in order.
  public let points: [(x: Double, y: Double)]
  /// Each point's label, in the order of ``points``.
  public let labels: [String]

  /// The dots' radius and colour, and the labels' size.
  static let radius = 10.0
  static let color = Palette.color(0)
  static let labelSize = 12.0

  /// A scatter of `points`, the `i`th labelled `labels[i]`.
  ///
  /// - Parameters:
  ///   - title: The title, above the axes.
  ///   - xLabel: The x axis's label.
  ///   - yLabel: The y axis's label.
  ///   - points: The points; one with a NaN or infinite coordinate is
  ///     left out, with its label.
  ///   - labels: One short text per point, written on its dot.
  /// - Throws: ``PlotError/mismatchedLabels(points:labels:)`` when there
  ///   is not one label per point.
  public init(
    title: String, xLabel: String, yLabel: String, points: [(x: Double, y: Double)], labels: [String]
  ) throws(PlotError) {
    guard points.count == labels.count else {
      throw PlotError.mismatchedLabels(points: points.count, labels: labels.count)
    }
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
    self.labels = labels
  }

  /// The plot as an SVG document.
  ///
  /// - Throws: ``PlotError/noData(plot:)`` when no point has two finite
  ///   coordinates.
  public func svg() throws(PlotError) -> String {
    let shown = zip(points, labels).filter { $0.0.x.isFinite && $0.0.y.isFinite }
    guard !shown.isEmpty else { throw PlotError.noData(plot: title) }
    let xs = shown.map(\.0.x)
    let ys = shown.map(\.0.y)
    let axes = try Axes(
      offset: 0, x: (xs.min()!, xs.max()!), xRange: .fitted, y: (ys.min()!, ys.max()!), yRange: .fitted)
    let n = SVG.number
    var body = "<g class=\"panel\">\n<g class=\"grid\">\n"
    for value in axes.xTicks.values {
      let (px, _) = axes.map(value, axes.y.lower)
      body += "<path d=\"M\(n(px)),\(n(axes.top)) V\(n(axes.bottom))\" stroke=\"#b0b0b0\" stroke-width=\"0.8\"/>\n"
    }
    for value in axes.yTicks.values {
      let (_, py) = axes.map(axes.x.lower, value)
      body += "<path d=\"M\(n(axes.left)),\(n(py)) H\(n(axes.right))\" stroke=\"#b0b0b0\" stroke-width=\"0.8\"/>\n"
    }
    body += "</g>\n<g class=\"points\">\n"
    for (point, label) in shown {
      let (px, py) = axes.map(point.x, point.y)
      body += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"\(n(Self.radius))\" fill=\"\(Self.color)\"/>\n"
      body += SVG.text(px, py + Self.labelSize * 0.35, label, size: Self.labelSize, fill: "white")
    }
    body += "</g>\n" + axes.frame(title: title, xLabel: xLabel, yLabel: yLabel) + "</g>\n"
    return SVG.document(width: Axes.panelWidth, height: Axes.panelHeight, body)
  }
}
