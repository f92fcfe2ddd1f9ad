/// One line of a ``LinePlot``: its points in order, and its name in the
/// legend.
public struct Series: Sendable {
  /// The name the legend shows (when the plot has two series or more).
  public var label: String
  /// The points, joined in this order. A point with a NaN or infinite
  /// coordinate is left out, and the line is broken there.
  public var points: [(x: Double, y: Double)]

  /// A series of points.
  public init(_ label: String, points: [(x: Double, y: Double)]) {
    self.label = label
    self.points = points
  }

  /// A series of values at x = 0, 1, 2, ... (matplotlib's `plot(ys)`).
  public init(_ label: String, values: [Double]) {
    self.init(label, points: values.enumerated().map { (Double($0.offset), $0.element) })
  }
}

/// Lines on a pair of axes, as matplotlib's `plot` draws them: a title,
/// labelled axes with ticks at nice numbers, and a legend when there are
/// two series or more.
///
/// ```swift
/// let plot = LinePlot(
///   title: "training loss", xLabel: "step", yLabel: "loss",
///   series: [Series("loss", values: losses)], yRange: .includingZero)
/// try figures.write(plot, "training-loss")        // training-loss.svg
/// ```
public struct LinePlot: Plot {
  /// The title, above the axes.
  public var title: String
  /// The x axis's label.
  public var xLabel: String
  /// The y axis's label.
  public var yLabel: String
  /// The lines, drawn in order in matplotlib's colours (blue, orange,
  /// green, ...).
  public var series: [Series]
  /// How far the x axis runs: by default the data with a 5% margin.
  public var xRange: AxisRange
  /// How far the y axis runs: by default the data with a 5% margin;
  /// ``AxisRange/includingZero`` for counts, accuracies and losses.
  public var yRange: AxisRange
  /// Whether grid lines cross the axes at every tick, beneath the data
  /// (matplotlib's `plt.grid()`).
  public var grid: Bool

  /// A plot of `series`, with grid lines when `grid` is true.
  public init(
    title: String, xLabel: String, yLabel: String, series: [Series],
    xRange: AxisRange = .fitted, yRange: AxisRange = .fitted, grid: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.xRange = xRange
    self.yRange = yRange
    self.grid = grid
  }

  /// The plot as an SVG document of one panel.
  ///
  /// - Throws: ``PlotError/noData(plot:)`` when no series has a point
  ///   with finite coordinates; ``PlotError/invalidOption(_:)`` for a bad
  ///   fixed range.
  public func svg() throws(PlotError) -> String {
    SVG.document(width: Axes.panelWidth, height: Axes.panelHeight, try panel(offset: 0, id: 0))
  }

  /// The plot's elements in a panel whose left edge is at `offset`; `id`
  /// names its clip path.
  func panel(offset: Double, id: Int) throws(PlotError) -> String {
    let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    guard !finite.isEmpty else { throw PlotError.noData(plot: title) }
    let xs = finite.map(\.x)
    let ys = finite.map(\.y)
    let axes = try Axes(
      offset: offset, x: (xs.min()!, xs.max()!), xRange: xRange, y: (ys.min()!, ys.max()!), yRange: yRange)
    let clip = "clip\(id)"
    var out = "<g class=\"panel\">\n" + axes.clipPath(clip) + (grid ? axes.grid() : "")
    var drawn: [(Double, Double)] = []
    for (i, line) in series.enumerated() {
      var path = ""
      var pen = "M"
      for point in line.points {
        guard point.x.isFinite, point.y.isFinite else {
          pen = "M"  // a gap: the next point starts a new piece
          continue
        }
        let (px, py) = axes.map(point.x, point.y)
        path += (path.isEmpty ? "" : " ") + pen + SVG.number(px) + "," + SVG.number(py)
        pen = "L"
        drawn.append((px, py))
      }
      guard !path.isEmpty else { continue }
      out +=
        "<path class=\"line\" d=\"\(path)\" fill=\"none\" stroke=\"\(Palette.color(i))\" stroke-width=\"1.75\" "
        + "stroke-linejoin=\"round\" stroke-linecap=\"round\" clip-path=\"url(#\(clip))\"/>\n"
    }
    out += axes.frame(title: title, xLabel: xLabel, yLabel: yLabel)
    if series.count >= 2 {
      let legend = Legend(
        entries: series.enumerated().map { ($0.element.label, .line(color: Palette.color($0.offset))) })
      out += legend.svg(in: axes, avoiding: drawn)
    }
    return out + "</g>\n"
  }
}

/// Line plots side by side in one SVG, as matplotlib's `subplots(1, n)`
/// lays them out: a training loss beside its accuracy, say.
///
/// ```swift
/// let row = PlotRow([lossPlot, accuracyPlot])
/// try figures.write(row, "moons-training")
/// ```
public struct PlotRow: Plot {
  /// The panels, left to right.
  public var panels: [LinePlot]

  /// Panels side by side, left to right.
  public init(_ panels: [LinePlot]) {
    self.panels = panels
  }

  /// The panels as one SVG document.
  ///
  /// - Throws: ``PlotError/invalidOption(_:)`` for a row without panels;
  ///   any error of a panel's ``LinePlot/svg()``.
  public func svg() throws(PlotError) -> String {
    guard !panels.isEmpty else { throw PlotError.invalidOption("a row of plots needs at least one panel") }
    var body = ""
    for (i, panel) in panels.enumerated() {
      body += try panel.panel(offset: Double(i) * Axes.panelWidth, id: i)
    }
    return SVG.document(width: Axes.panelWidth * Double(panels.count), height: Axes.panelHeight, body)
  }
}
