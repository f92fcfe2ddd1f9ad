/// One panel of a figure: where its axes sit in the SVG, the data range
/// they show, their ticks, and the frame matplotlib draws around them.
struct Axes {
  /// A panel's size in SVG user units (a bit under matplotlib's 6.4 × 4.8
  /// inches at 100 dots an inch).
  static let panelWidth = 560.0
  static let panelHeight = 400.0
  /// Room around the axes for the title, tick labels and axis labels.
  static let margin = (left: 76.0, right: 24.0, top: 44.0, bottom: 62.0)
  /// Text sizes: the title, an axis's label, a tick's label, a legend's.
  static let titleSize = 17.0
  static let labelSize = 15.0
  static let tickSize = 13.0
  static let legendSize = 13.0

  /// The x of the panel's left edge in the document.
  var offset: Double
  /// The data range the axes show.
  var x: (lower: Double, upper: Double)
  var y: (lower: Double, upper: Double)
  /// The ticks on each axis (inside its range).
  var xTicks: Ticks
  var yTicks: Ticks

  /// Axes for data ranges given by their policies.
  ///
  /// - Throws: ``PlotError`` for a bad fixed range (or too many ticks).
  init(
    offset: Double, x: (Double, Double), xRange: AxisRange, y: (Double, Double), yRange: AxisRange
  ) throws(PlotError) {
    let xLimits = try xRange.limits(x.0, x.1)
    let yLimits = try yRange.limits(y.0, y.1)
    try self.init(offset: offset, x: xLimits, y: yLimits)
  }

  /// Axes showing exactly `x` and `y`.
  init(offset: Double, x: (lower: Double, upper: Double), y: (lower: Double, upper: Double)) throws(PlotError) {
    self.offset = offset
    xTicks = try Ticks(from: x.lower, to: x.upper, atMost: 8)
    yTicks = try Ticks(from: y.lower, to: y.upper, atMost: 7)
    // A constant series widened its ticks' range: show that range.
    self.x = (xTicks.lower, xTicks.upper)
    self.y = (yTicks.lower, yTicks.upper)
  }

  var left: Double { offset + Self.margin.left }
  var right: Double { offset + Self.panelWidth - Self.margin.right }
  var top: Double { Self.margin.top }
  var bottom: Double { Self.panelHeight - Self.margin.bottom }

  /// Data coordinates to SVG coordinates (y grows downwards in SVG),
  /// without overflow for ranges near the largest `Double`.
  func map(_ u: Double, _ v: Double) -> (Double, Double) {
    let fx = (u / 2 - x.lower / 2) / (x.upper / 2 - x.lower / 2)
    let fy = (v / 2 - y.lower / 2) / (y.upper / 2 - y.lower / 2)
    return (left + fx * (right - left), bottom - fy * (bottom - top))
  }

  /// Whether the SVG point (`px`, `py`) is inside the axes.
  func contains(_ px: Double, _ py: Double) -> Bool {
    (left...right).contains(px) && (top...bottom).contains(py)
  }

  /// A clip path named `id` that keeps data inside the axes.
  func clipPath(_ id: String) -> String {
    "<clipPath id=\"\(id)\"><rect x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" "
      + "width=\"\(SVG.number(right - left))\" height=\"\(SVG.number(bottom - top))\"/></clipPath>\n"
  }

  /// The frame (four spines), the ticks with their labels, the axis
  /// labels and the title, as matplotlib draws them: ticks outward on the
  /// left and bottom.
  func frame(title: String, xLabel: String, yLabel: String) -> String {
    let (n, tick) = (SVG.number, 4.5)
    var out =
      "<rect class=\"spines\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(right - left))\" "
      + "height=\"\(n(bottom - top))\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>\n"
    out += "<g class=\"xticks\">\n"
    for (value, label) in zip(xTicks.values, xTicks.labels) {
      let (px, _) = map(value, y.lower)
      out += "<path d=\"M\(n(px)),\(n(bottom)) v\(n(tick))\" stroke=\"black\" stroke-width=\"1\"/>\n"
      out += SVG.text(px, bottom + tick + Self.tickSize + 2, label, size: Self.tickSize)
    }
    out += "</g>\n<g class=\"yticks\">\n"
    for (value, label) in zip(yTicks.values, yTicks.labels) {
      let (_, py) = map(x.lower, value)
      out += "<path d=\"M\(n(left)),\(n(py)) h-\(n(tick))\" stroke=\"black\" stroke-width=\"1\"/>\n"
      out += SVG.text(left - tick - 4, py + Self.tickSize * 0.35, label, size: Self.tickSize, anchor: .end)
    }
    out += "</g>\n"
    out += SVG.text((left + right) / 2, top - 14, title, size: Self.titleSize, class: "title")
    out += SVG.text((left + right) / 2, Self.panelHeight - 16, xLabel, size: Self.labelSize, class: "xlabel")
    let widest = yTicks.labels.map { SVG.width(of: $0, size: Self.tickSize) }.max() ?? 0
    out += SVG.text(
      max(offset + Self.labelSize + 4, left - tick - 12 - widest), (top + bottom) / 2, yLabel,
      size: Self.labelSize, class: "ylabel", rotate: true)
    return out
  }
}
