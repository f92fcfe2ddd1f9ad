/// A two-class classifier's decision boundary, as micrograd's demo draws
/// it for the moons: the plane shaded by the sign of the classifier's
/// score, and the data points coloured by their labels on top.
///
/// The score is sampled on a grid over the axes and the boundary between
/// the two regions is traced where the score crosses 0, interpolating
/// linearly between grid points, so it comes out smooth rather than in
/// steps. The axes run over the points with a 10% margin, widened to the
/// nearest ticks.
///
/// ```swift
/// let boundary = try DecisionBoundary(
///   title: "decision boundary", points: data.points, labels: data.labels
/// ) { x, y in model([Value(x), Value(y)])[0].data }
/// try figures.write(boundary, "moons-boundary")
/// ```
public struct DecisionBoundary: Plot {
  /// The title, above the axes.
  public var title: String
  /// The points that have two finite coordinates, with their labels.
  let points: [(x: Double, y: Double, label: Double)]
  /// The data range the axes show, along x and along y.
  let xLimits: ClosedRange<Double>
  let yLimits: ClosedRange<Double>
  /// The score at the grid's corners: `scores[j][i]` at column `i`, row
  /// `j` (rows from the bottom), `cells + 1` of each.
  let scores: [[Double]]

  /// Samples `score` on a grid of `cells` × `cells` over the points.
  ///
  /// - Parameters:
  ///   - title: The title, above the axes.
  ///   - points: The data: each point's first two numbers are its x and
  ///     y; points with fewer, or with a NaN or infinite one, are left out.
  ///   - labels: Each point's class: above 0 is one class (blue), 0 and
  ///     below the other (red).
  ///   - cells: The grid's cells along each axis, 2 to 500: `score` is
  ///     called (`cells` + 1)² times.
  ///   - score: The classifier's score at (x, y): above 0 for the first
  ///     class. NaN counts as the second.
  /// - Throws: ``PlotError/mismatchedLabels(points:labels:)``,
  ///   ``PlotError/noData(plot:)`` when no point is finite,
  ///   ``PlotError/invalidOption(_:)`` for `cells` out of range; or what
  ///   `score` throws.
  public init(
    title: String, points: [[Double]], labels: [Double], cells: Int = 60,
    score: (Double, Double) throws -> Double
  ) throws {
    guard points.count == labels.count else {
      throw PlotError.mismatchedLabels(points: points.count, labels: labels.count)
    }
    guard (2...500).contains(cells) else {
      throw PlotError.invalidOption("a decision boundary takes 2 to 500 cells a side, not \(cells)")
    }
    self.title = title
    self.points = zip(points, labels).compactMap { point, label in
      point.count >= 2 && point[0].isFinite && point[1].isFinite ? (point[0], point[1], label) : nil
    }
    guard !self.points.isEmpty else { throw PlotError.noData(plot: title) }
    xLimits = try Self.limits(self.points.map(\.x), atMost: 8)
    yLimits = try Self.limits(self.points.map(\.y), atMost: 7)
    let (x0, y0) = (xLimits.lowerBound, yLimits.lowerBound)
    let (dx, dy) = ((xLimits.upperBound - x0) / Double(cells), (yLimits.upperBound - y0) / Double(cells))
    scores = try (0...cells).map { j in
      try (0...cells).map { i in try score(x0 + Double(i) * dx, y0 + Double(j) * dy) }
    }
  }

  /// The data's range with a 10% margin, out to the ticks' multiples.
  private static func limits(_ values: [Double], atMost count: Int) throws(PlotError) -> ClosedRange<Double> {
    let (low, high) = Ticks.nonsingular(values.min()!, values.max()!)
    let margin = (high / 2 - low / 2) / 5
    let ticks = try Ticks(from: low - margin, to: high + margin, atMost: count)
    let step = ticks.step
    return ((low - margin) / step).rounded(.down) * step...((high + margin) / step).rounded(.up) * step
  }

  /// The two regions' colours (light blue for the first class, light red
  /// for the second) and the points' (their darker shades).
  static let regionColors = (positive: "#c6dbef", negative: "#fcbba1")
  static let pointColors = (positive: "#2171b5", negative: "#cb181d")

  /// The plot as an SVG document.
  ///
  /// - Throws: ``PlotError`` when the axes cannot be made (never for a
  ///   boundary that was made).
  public func svg() throws(PlotError) -> String {
    let axes = try Axes(
      offset: 0, x: (xLimits.lowerBound, xLimits.upperBound), y: (yLimits.lowerBound, yLimits.upperBound))
    let n = SVG.number
    var body = "<g class=\"panel\">\n" + axes.clipPath("clip0")
    body += "<g class=\"regions\" clip-path=\"url(#clip0)\">\n"
    body +=
      "<rect x=\"\(n(axes.left))\" y=\"\(n(axes.top))\" width=\"\(n(axes.right - axes.left))\" "
      + "height=\"\(n(axes.bottom - axes.top))\" fill=\"\(Self.regionColors.negative)\"/>\n"
    body += "<path d=\"\(positiveRegion(axes))\" fill=\"\(Self.regionColors.positive)\"/>\n</g>\n"
    var drawn: [(Double, Double)] = []
    body += "<g class=\"points\">\n"
    for point in points {
      let (px, py) = axes.map(point.x, point.y)
      drawn.append((px, py))
      let fill = point.label > 0 ? Self.pointColors.positive : Self.pointColors.negative
      body +=
        "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4.5\" fill=\"\(fill)\" stroke=\"black\" stroke-width=\"0.5\"/>\n"
    }
    body += "</g>\n" + axes.frame(title: title, xLabel: "x[0]", yLabel: "x[1]")
    let legend = Legend(entries: [
      ("class +1", .marker(fill: Self.pointColors.positive)),
      ("class \u{2212}1", .marker(fill: Self.pointColors.negative)),
    ])
    body += legend.svg(in: axes, avoiding: drawn) + "</g>\n"
    return SVG.document(width: Axes.panelWidth, height: Axes.panelHeight, body)
  }

  /// The region where the score is above 0, as one path: runs of whole
  /// cells up each column, and in the cells the boundary crosses, the
  /// part of the cell on the positive side (marching squares, each cell's
  /// corners and edge crossings taken anticlockwise). Every piece turns
  /// the same way, so the pieces join without seams.
  func positiveRegion(_ axes: Axes) -> String {
    let cells = scores.count - 1
    let (x0, y0) = (xLimits.lowerBound, yLimits.lowerBound)
    let (dx, dy) = ((xLimits.upperBound - x0) / Double(cells), (yLimits.upperBound - y0) / Double(cells))
    func corner(_ i: Int, _ j: Int) -> (Double, Double) { axes.map(x0 + Double(i) * dx, y0 + Double(j) * dy) }
    func positive(_ i: Int, _ j: Int) -> Bool { scores[j][i] > 0 }
    /// Where the score crosses 0 between two neighbouring corners, worked
    /// out from the lower-left one so that both cells agree to the bit.
    func crossing(_ a: (Int, Int), _ b: (Int, Int)) -> (Double, Double) {
      let (p, q) = a <= b ? (a, b) : (b, a)
      let (sp, sq) = (scores[p.1][p.0], scores[q.1][q.0])
      var t = sp / (sp - sq)
      if !t.isFinite { t = 0.5 }
      t = min(max(t, 0), 1)
      let (pp, pq) = (corner(p.0, p.1), corner(q.0, q.1))
      return (pp.0 + t * (pq.0 - pp.0), pp.1 + t * (pq.1 - pp.1))
    }
    let n = SVG.number
    var pieces: [String] = []
    for i in 0..<cells {
      var runStart: Int?
      for j in 0...cells {
        let whole = j < cells && positive(i, j) && positive(i + 1, j) && positive(i + 1, j + 1) && positive(i, j + 1)
        if whole {
          if runStart == nil { runStart = j }
          continue
        }
        if let start = runStart {
          let (a, b) = (corner(i, start), corner(i + 1, j))
          pieces.append("M\(n(a.0)),\(n(a.1)) H\(n(b.0)) V\(n(b.1)) H\(n(a.0))Z")
          runStart = nil
        }
        guard j < cells else { break }
        // Anticlockwise in data coordinates: lower left, lower right,
        // upper right, upper left.
        let ring = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        guard ring.contains(where: { positive($0.0, $0.1) }) else { continue }
        var polygon: [(Double, Double)] = []
        for k in 0..<4 {
          let (here, next) = (ring[k], ring[(k + 1) % 4])
          if positive(here.0, here.1) { polygon.append(corner(here.0, here.1)) }
          if positive(here.0, here.1) != positive(next.0, next.1) { polygon.append(crossing(here, next)) }
        }
        pieces.append(
          "M" + polygon.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " L") + "Z")
      }
    }
    return pieces.joined(separator: " ")
  }
}
