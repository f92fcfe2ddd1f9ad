extension Axes {
  /// matplotlib's `plt.grid()`: a thin light-grey line across the axes
  /// at every tick, drawn beneath the data.
  func grid() -> String {
    let (n, stroke) = (SVG.number, "stroke=\"#b0b0b0\" stroke-width=\"0.8\"")
    var out = "<g class=\"grid\">\n"
    for value in xTicks.values {
      let (px, _) = map(value, y.lower)
      out += "<path d=\"M\(n(px)),\(n(top)) V\(n(bottom))\" \(stroke)/>\n"
    }
    for value in yTicks.values {
      let (_, py) = map(x.lower, value)
      out += "<path d=\"M\(n(left)),\(n(py)) H\(n(right))\" \(stroke)/>\n"
    }
    return out + "</g>\n"
  }
}
