import Foundation

/// Points on a pair of axes, each a dot with its label beside it, as
/// makemore part 2 draws the 2-dimensional character embeddings:
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
/// The axes are equal, one unit as long across as up, so that distances
/// read as they are: both fit the points with a 5% margin
/// (``AxisRange/fitted``), then the shorter is widened about its middle.
/// Grid lines run from every tick. Where the lecture writes each letter
/// on its dot, and close points hide each other's letters, each label
/// here is placed beside its dot where it covers no other label and no
/// other dot: the first free place of a ring of places around the dot,
/// then of wider rings, with a thin line back to the dot when it had to
/// move away. Points are placed in order, so the same points give the
/// same picture.
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
  static let radius = 4.0
  static let color = Palette.color(0)
  static let labelSize = 14.0

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

  /// A label's place: its box in SVG coordinates (`x`, `y` its top
  /// left corner), where its text is anchored, and the dot it names.
  struct Placed {
    var box: (x: Double, y: Double, width: Double, height: Double)
    var text: (x: Double, y: Double)
    var dot: (x: Double, y: Double)
  }

  /// The shown points, the axes (equal: one data unit as long across as
  /// up) and where each label goes, so that no label covers another label
  /// or another point's dot.
  func layout() throws(PlotError) -> (axes: Axes, shown: [((x: Double, y: Double), String)], placed: [Placed]) {
    let shown = zip(points, labels).filter { $0.0.x.isFinite && $0.0.y.isFinite }
    guard !shown.isEmpty else { throw PlotError.noData(plot: title) }
    let xs = shown.map(\.0.x)
    let ys = shown.map(\.0.y)
    var x = try AxisRange.fitted.limits(xs.min()!, xs.max()!)
    var y = try AxisRange.fitted.limits(ys.min()!, ys.max()!)
    // Equal axes: as many data units per pixel across as up.
    let width = Axes.panelWidth - Axes.margin.left - Axes.margin.right
    let height = Axes.panelHeight - Axes.margin.top - Axes.margin.bottom
    let perPixel = max((x.upper - x.lower) / width, (y.upper - y.lower) / height)
    if perPixel.isFinite, perPixel > 0 {
      let (cx, cy) = ((x.lower + x.upper) / 2, (y.lower + y.upper) / 2)
      x = (cx - perPixel * width / 2, cx + perPixel * width / 2)
      y = (cy - perPixel * height / 2, cy + perPixel * height / 2)
    }
    let axes = try Axes(offset: 0, x: x, y: y)
    let dots = shown.map { axes.map($0.0.x, $0.0.y) }
    let size = Self.labelSize
    var placed: [Placed] = []
    func overlaps(
      _ a: (x: Double, y: Double, width: Double, height: Double),
      _ b: (x: Double, y: Double, width: Double, height: Double)
    ) -> Bool {
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
    for (i, (_, label)) in shown.enumerated() {
      let (px, py) = dots[i]
      let w = SVG.width(of: label, size: size) + 2
      let h = size
      var choice: Placed?
      // Rings of places around the dot, nearest first: right, left,
      // above, below, then the corners, each ring wider than the last.
      search: for ring in 0..<40 {
        let d = Self.radius + 2 + Double(ring) * 4
        let places: [(Double, Double)] = [
          (px + d, py - h / 2), (px - d - w, py - h / 2), (px - w / 2, py - d - h), (px - w / 2, py + d),
          (px + d * 0.7, py - d * 0.7 - h), (px - d * 0.7 - w, py - d * 0.7 - h),
          (px + d * 0.7, py + d * 0.7), (px - d * 0.7 - w, py + d * 0.7),
        ]
        for (bx, by) in places {
          let box = (x: bx, y: by, width: w, height: h)
          let r = Self.radius
          let clear =
            placed.allSatisfy { !overlaps($0.box, box) }
            && dots.enumerated().allSatisfy { j, dot in
              !overlaps((dot.0 - r, dot.1 - r, 2 * r, 2 * r), box)
            }
            && axes.contains(bx, by) && axes.contains(bx + w, by + h)
          if clear {
            choice = Placed(box: box, text: (bx + w / 2, by + h * 0.8), dot: (px, py))
            break search
          }
        }
      }
      // Nowhere free inside the axes (hundreds of points): on its dot.
      placed.append(
        choice ?? Placed(box: (px - w / 2, py - h / 2, w, h), text: (px, py + h * 0.3), dot: (px, py)))
    }
    return (axes, shown.map { ($0.0, $0.1) }, placed)
  }

  /// The plot as an SVG document.
  ///
  /// - Throws: ``PlotError/noData(plot:)`` when no point has two finite
  ///   coordinates.
  public func svg() throws(PlotError) -> String {
    let (axes, shown, placed) = try layout()
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
    for (place, (_, label)) in zip(placed, shown) {
      let (px, py) = place.dot
      // A label moved away from its dot keeps a thin line back to it.
      let (cx, cy) = (place.box.x + place.box.width / 2, place.box.y + place.box.height / 2)
      if hypot(cx - px, cy - py) > Self.radius + 2 + Self.labelSize {
        let ex = min(max(px, place.box.x), place.box.x + place.box.width)
        let ey = min(max(py, place.box.y), place.box.y + place.box.height)
        body += "<path d=\"M\(n(px)),\(n(py)) L\(n(ex)),\(n(ey))\" stroke=\"#7f7f7f\" stroke-width=\"0.6\"/>\n"
      }
      body += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"\(n(Self.radius))\" fill=\"\(Self.color)\"/>\n"
      body += SVG.text(place.text.x, place.text.y, label, size: Self.labelSize)
    }
    body += "</g>\n" + axes.frame(title: title, xLabel: xLabel, yLabel: yLabel) + "</g>\n"
    return SVG.document(width: Axes.panelWidth, height: Axes.panelHeight, body)
  }
}
