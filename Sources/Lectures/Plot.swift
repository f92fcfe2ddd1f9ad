import Foundation

/// Small SVG plots for the lectures' curves and the moons' decision
/// boundary, written byte for byte the same on every run: coordinates are
/// rounded to hundredths and formatted without the C library, so no
/// locale reaches them.
public enum Plot {
  /// A panel's size in SVG user units.
  static let width = 480.0
  static let height = 320.0
  static let margin = (left: 60.0, right: 20.0, top: 40.0, bottom: 50.0)

  /// Line charts side by side: one panel per series, sharing the x axis's
  /// meaning (a title, x label, and the points of each panel).
  public static func lines(_ panels: [(title: String, xLabel: String, points: [(Double, Double)])]) -> String {
    let body = panels.enumerated().map { i, panel in
      "<g transform=\"translate(\(number(Double(i) * width)),0)\">\n"
        + linePanel(panel.title, panel.xLabel, panel.points) + "</g>\n"
    }.joined()
    return document(width: width * Double(panels.count), height: height, body)
  }

  /// Points coloured by label (+1 blue, -1 red) over a grid of cells
  /// coloured by the sign of `score(x, y)`: a classifier's decision boundary.
  /// Points need two finite coordinates; others are left out.
  public static func boundary(
    title: String, points: [[Double]], labels: [Double], cells: Int = 40,
    score: (Double, Double) -> Double
  ) -> String {
    let points = points.filter { $0.count >= 2 && $0[0].isFinite && $0[1].isFinite }
    let xs = points.map { $0[0] }
    let ys = points.map { $0[1] }
    let (x0, x1) = ((xs.min() ?? 0) - 0.5, (xs.max() ?? 0) + 0.5)
    let (y0, y1) = ((ys.min() ?? 0) - 0.5, (ys.max() ?? 0) + 0.5)
    let frame = Frame(x: (x0, x1), y: (y0, y1))
    var body = text(width / 2, 24, title, anchor: "middle", size: 16)
    let (cw, ch) = ((x1 - x0) / Double(cells), (y1 - y0) / Double(cells))
    for i in 0..<cells {
      for j in 0..<cells {
        let (cx, cy) = (x0 + (Double(i) + 0.5) * cw, y0 + (Double(j) + 0.5) * ch)
        let fill = score(cx, cy) > 0 ? "#c6dbef" : "#fcbba1"
        let (px, py) = frame.map(x0 + Double(i) * cw, y0 + Double(j + 1) * ch)
        let (qx, qy) = frame.map(x0 + Double(i + 1) * cw, y0 + Double(j) * ch)
        body += "<rect x=\"\(number(px))\" y=\"\(number(py))\" width=\"\(number(qx - px))\" "
          + "height=\"\(number(qy - py))\" fill=\"\(fill)\" shape-rendering=\"crispEdges\"/>\n"
      }
    }
    for (point, label) in zip(points, labels) {
      let (px, py) = frame.map(point[0], point[1])
      let fill = label > 0 ? "#2171b5" : "#cb181d"
      body += "<circle cx=\"\(number(px))\" cy=\"\(number(py))\" r=\"4\" fill=\"\(fill)\" stroke=\"black\" stroke-width=\"0.5\"/>\n"
    }
    body += frame.axes(xLabel: "x", yLabel: "y")
    return document(width: width, height: height, body)
  }

  // MARK: - Pieces

  /// The plotting area of a panel and the data range it shows.
  struct Frame {
    var x: (Double, Double)
    var y: (Double, Double)

    /// Data coordinates to SVG coordinates (y grows downwards in SVG).
    func map(_ u: Double, _ v: Double) -> (Double, Double) {
      let w = width - margin.left - margin.right
      let h = height - margin.top - margin.bottom
      let px = margin.left + (u - x.0) / (x.1 - x.0) * w
      let py = margin.top + h - (v - y.0) / (y.1 - y.0) * h
      return (px, py)
    }

    /// The axes, five ticks on each, and their labels.
    func axes(xLabel: String, yLabel: String) -> String {
      let (left, bottom) = map(x.0, y.0)
      let (right, top) = map(x.1, y.1)
      var out = "<path d=\"M\(number(left)),\(number(top)) V\(number(bottom)) H\(number(right))\" fill=\"none\" stroke=\"black\"/>\n"
      for k in 0...4 {
        let u = x.0 + (x.1 - x.0) * Double(k) / 4
        let (px, _) = map(u, y.0)
        out += "<path d=\"M\(number(px)),\(number(bottom)) v5\" stroke=\"black\"/>\n"
        out += text(px, bottom + 18, number(u), anchor: "middle", size: 11)
        let v = y.0 + (y.1 - y.0) * Double(k) / 4
        let (_, py) = map(x.0, v)
        out += "<path d=\"M\(number(left)),\(number(py)) h-5\" stroke=\"black\"/>\n"
        out += text(left - 8, py + 4, number(v), anchor: "end", size: 11)
      }
      out += text((left + right) / 2, bottom + 38, xLabel, anchor: "middle", size: 12)
      out += text(16, (top + bottom) / 2, yLabel, anchor: "middle", size: 12, rotate: true)
      return out
    }
  }

  static func linePanel(_ title: String, _ xLabel: String, _ points: [(Double, Double)]) -> String {
    let xs = points.map(\.0)
    let ys = points.map(\.1).filter(\.isFinite)
    var (lo, hi) = (min(0, ys.min() ?? 0), ys.max() ?? 1)
    if hi <= lo { (lo, hi) = (lo - 1, lo + 1) }
    let frame = Frame(x: (xs.min() ?? 0, max(xs.max() ?? 1, (xs.min() ?? 0) + 1)), y: (lo, hi))
    let path = points.filter { $0.1.isFinite }.enumerated().map { i, p in
      let (px, py) = frame.map(p.0, p.1)
      return (i == 0 ? "M" : "L") + number(px) + "," + number(py)
    }.joined(separator: " ")
    return text(width / 2, 24, title, anchor: "middle", size: 16)
      + "<path d=\"\(path)\" fill=\"none\" stroke=\"#2171b5\" stroke-width=\"2\"/>\n"
      + frame.axes(xLabel: xLabel, yLabel: title)
  }

  static func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String, size: Int, rotate: Bool = false
  ) -> String {
    let turn = rotate ? " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" : ""
    return "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" "
      + "font-family=\"Helvetica,Arial,sans-serif\" font-size=\"\(size)\"\(turn)>\(escaped(content))</text>\n"
  }

  static func document(width: Double, height: Double, _ body: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(width))\" height=\"\(number(height))\" "
      + "viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
      + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n"
  }

  /// `x` rounded to hundredths, as `12.34`, `-0.5`, `3`; no locale.
  /// Non-finite numbers are written 0 and magnitudes are capped at 10¹⁵
  /// (a diverging loss must not stop the plot).
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let x = min(max(x, -1e15), 1e15)
    let hundredths = Int((x * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
  }

  static func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
