import GraphRender

/// A matrix of counts drawn as the makemore lecture draws its bigram
/// counts `N` (`plt.imshow(N, cmap='Blues')` with each cell's text): a
/// grid whose cell in row `r`, column `c` shows its caption, the row's
/// label followed by the column's (the bigram `an`), above its count,
/// shaded by the count with matplotlib's `Blues` (near-white for 0, dark
/// blue for the largest), its text white where the cell is dark.
///
/// It takes plain data, so that any table of counts can be drawn:
///
/// ```swift
/// let tokens = counts.vocabulary.tokens.map(String.init)   // ".", "a", ..., "z"
/// let matrix = try CountMatrix(counts: counts.counts, rowLabels: tokens, columnLabels: tokens)
/// try figures.draw(matrix.drawing(), "bigram-counts")      // .dot, .svg, .png
/// ```
///
/// Graphviz draws it: the grid is one `plaintext` node labelled with an
/// HTML-like table of fixed-size cells, so Graphviz lays it out in no time,
/// and the DOT text is the same on every run.
public struct CountMatrix: Hashable, Sendable {
  /// `counts[r][c]`: the count in row `r`, column `c`.
  public let counts: [[Int]]
  /// The rows' labels, top to bottom.
  public let rowLabels: [String]
  /// The columns' labels, left to right.
  public let columnLabels: [String]

  /// A matrix of `counts` with a label per row and per column.
  ///
  /// - Throws: ``PlotError/mismatchedShape(_:)`` when there is not one
  ///   row label per row and one column label per column (every row as
  ///   long as the column labels); ``PlotError/invalidOption(_:)`` for a
  ///   negative count.
  public init(counts: [[Int]], rowLabels: [String], columnLabels: [String]) throws(PlotError) {
    guard counts.count == rowLabels.count else {
      throw PlotError.mismatchedShape(
        "the count matrix has \(counts.count) rows but \(rowLabels.count) row labels")
    }
    if let (r, row) = counts.enumerated().first(where: { $0.element.count != columnLabels.count }) {
      throw PlotError.mismatchedShape(
        "row \(r) of the count matrix has \(row.count) counts but there are \(columnLabels.count) column labels")
    }
    if let negative = counts.joined().first(where: { $0 < 0 }) {
      throw PlotError.invalidOption("a count matrix holds counts, not \(negative)")
    }
    self.counts = counts
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
  }

  /// The figure as DOT text for Graphviz.
  ///
  /// - Parameters:
  ///   - cellSize: The side of a cell, in points (a row of 27 cells is 27
  ///     times that; 96 pixels an inch in a PNG). At least 1.
  ///   - fontSize: The size of the cells' text, in points. At least 1.
  /// - Returns: The DOT text: a `digraph N` with one node, `N`, and one
  ///   `<TD>` per cell, one per line, row by row.
  public func dot(cellSize: Int = 36, fontSize: Int = 9) -> String {
    let size = max(cellSize, 1)
    let points = max(fontSize, 1)
    let largest = Double(counts.joined().max() ?? 0)
    var lines = [
      "digraph N {",
      "\tgraph [margin=0 pad=0.1]",
      "\tN [shape=plaintext margin=0 fontname=Helvetica label=<",
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">",
    ]
    for (r, row) in counts.enumerated() {
      lines.append("<TR>")
      for (c, count) in row.enumerated() {
        let background = Blues.color(Double(count), largest: largest)
        let caption = Self.htmlEscaped(rowLabels[r] + columnLabels[c])
        lines.append(
          "<TD WIDTH=\"\(size)\" HEIGHT=\"\(size)\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"\(Blues.hex(background))\">"
            + "<FONT POINT-SIZE=\"\(points)\" COLOR=\"\(Blues.textColor(on: background))\">"
            + "\(caption)<BR/>\(count)</FONT></TD>")
      }
      lines.append("</TR>")
    }
    lines += ["</TABLE>>]", "}"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The figure as a drawing, for GraphRender to render and write
  /// (`.dot`, `.svg`, `.png`), or for Figures' `FigureWriter.draw(_:_:)`.
  ///
  /// - Parameters: As for ``dot(cellSize:fontSize:)``.
  /// - Throws: A `GraphRenderError` if Graphviz cannot read the text.
  public func drawing(cellSize: Int = 36, fontSize: Int = 9) throws -> Drawing {
    try Drawing(dot: dot(cellSize: cellSize, fontSize: fontSize))
  }

  /// `text` with `&`, `<`, `>` and `"` written as entities, for an
  /// HTML-like label.
  static func htmlEscaped(_ text: String) -> String {
    SVG.escaped(text)
  }
}
