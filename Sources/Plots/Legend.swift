/// A box in a corner of the axes that names each series, as matplotlib's
/// `legend(loc="best")` draws it: the corner that covers the fewest data
/// points, upper right first when several tie.
struct Legend {
  /// What a row shows beside its label: a short line or a marker.
  enum Key {
    case line(color: String)
    case marker(fill: String)
  }

  var entries: [(label: String, key: Key)]

  static let padding = 8.0
  static let keyWidth = 24.0
  static let gap = 7.0
  static let rowHeight = 20.0

  /// The legend's size.
  var size: (width: Double, height: Double) {
    let text = entries.map { SVG.width(of: $0.label, size: Axes.legendSize) }.max() ?? 0
    return (
      2 * Self.padding + Self.keyWidth + Self.gap + text, 2 * Self.padding - 4 + Double(entries.count) * Self.rowHeight
    )
  }

  /// The legend drawn in the corner of `axes` that holds the fewest of
  /// `points` (SVG coordinates).
  func svg(in axes: Axes, avoiding points: [(Double, Double)]) -> String {
    let (width, height) = size
    let inset = 10.0
    // matplotlib's order: upper right, upper left, lower left, lower right.
    let corners = [
      (axes.right - inset - width, axes.top + inset), (axes.left + inset, axes.top + inset),
      (axes.left + inset, axes.bottom - inset - height), (axes.right - inset - width, axes.bottom - inset - height),
    ]
    func covered(_ corner: (Double, Double)) -> Int {
      points.filter { p in
        (corner.0...(corner.0 + width)).contains(p.0) && (corner.1...(corner.1 + height)).contains(p.1)
      }.count
    }
    var best = corners[0]
    var fewest = covered(best)
    for corner in corners.dropFirst() where fewest > 0 {
      let count = covered(corner)
      if count < fewest { (best, fewest) = (corner, count) }
    }
    let n = SVG.number
    var out = "<g class=\"legend\">\n"
    out +=
      "<rect x=\"\(n(best.0))\" y=\"\(n(best.1))\" width=\"\(n(width))\" height=\"\(n(height))\" rx=\"3\" "
      + "fill=\"white\" fill-opacity=\"0.8\" stroke=\"#cccccc\" stroke-width=\"1\"/>\n"
    for (i, entry) in entries.enumerated() {
      let middle = best.1 + Self.padding + 6 + Double(i) * Self.rowHeight
      let keyStart = best.0 + Self.padding
      switch entry.key {
      case .line(let color):
        out +=
          "<path d=\"M\(n(keyStart)),\(n(middle)) h\(n(Self.keyWidth))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      case .marker(let fill):
        out +=
          "<circle cx=\"\(n(keyStart + Self.keyWidth / 2))\" cy=\"\(n(middle))\" r=\"4\" fill=\"\(fill)\" "
          + "stroke=\"black\" stroke-width=\"0.5\"/>\n"
      }
      out += SVG.text(
        keyStart + Self.keyWidth + Self.gap, middle + Axes.legendSize * 0.35, entry.label, size: Axes.legendSize,
        anchor: .start)
    }
    return out + "</g>\n"
  }
}
