extension BigramCounts {
  /// The lecture's figure of the count matrix `N` as DOT text for
  /// Graphviz: a 27×27 grid whose cell in row `a`, column `b` shows the
  /// bigram `ab` above its count, shaded by the count with matplotlib's
  /// `Blues` (near-white for 0, dark blue for the largest), its text white
  /// where the cell is dark.
  ///
  /// The grid is one `plaintext` node labelled with an HTML-like table of
  /// fixed-size cells, so Graphviz lays it out in no time, and the text is
  /// the same on every run. Render it with GraphRender:
  ///
  /// ```swift
  /// let drawing = try Drawing(dot: BigramCounts(words).countMatrixDOT())
  /// try drawing.write(to: URL(fileURLWithPath: "bigram-counts.svg"))
  /// ```
  ///
  /// - Parameters:
  ///   - cellSize: The side of a cell, in points (the whole grid is 27
  ///     times that; 96 pixels an inch in a PNG). At least 1.
  ///   - fontSize: The size of the cells' text, in points. At least 1.
  /// - Returns: The DOT text: a `digraph N` with one node, `N`, and one
  ///   `<TD>` per cell, one per line, rows in token order.
  public func countMatrixDOT(cellSize: Int = 36, fontSize: Int = 9) -> String {
    let size = max(cellSize, 1)
    let points = max(fontSize, 1)
    let largest = Double(counts.joined().max() ?? 0)
    var lines = [
      "digraph N {",
      "\tgraph [margin=0 pad=0.1]",
      "\tN [shape=plaintext margin=0 fontname=Helvetica label=<",
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">",
    ]
    for (a, row) in counts.enumerated() {
      lines.append("<TR>")
      for (b, count) in row.enumerated() {
        let background = Blues.color(Double(count), largest: largest)
        let bigram = Self.htmlEscaped(String([vocabulary.token(at: a), vocabulary.token(at: b)]))
        lines.append(
          "<TD WIDTH=\"\(size)\" HEIGHT=\"\(size)\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"\(Blues.hex(background))\">"
            + "<FONT POINT-SIZE=\"\(points)\" COLOR=\"\(Blues.textColor(on: background))\">"
            + "\(bigram)<BR/>\(count)</FONT></TD>")
      }
      lines.append("</TR>")
    }
    lines += ["</TABLE>>]", "}"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` with `&`, `<`, `>` and `"` written as entities, for an
  /// HTML-like label.
  static func htmlEscaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
