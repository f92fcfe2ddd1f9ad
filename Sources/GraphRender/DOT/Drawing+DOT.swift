extension Drawing {
  /// A drawing of DOT text you wrote yourself (a table, a figure of your
  /// own), to render and write as `drawDot`'s drawings are.
  ///
  /// Graphviz parses the text once, here, so that text it cannot read is
  /// an error now rather than at the first render; ``nodeCount`` and
  /// ``edgeCount`` are what it reads (every node and edge, in subgraphs
  /// too). Without the graph of values that ``layoutSize`` estimates rank
  /// crossings from, the layout size is the nodes plus the edges: as if
  /// every edge crossed about five ranks, more than most graphs' edges do.
  ///
  /// ```swift
  /// let drawing = try Drawing(dot: "digraph G { a -> b }")
  /// try drawing.write(to: URL(fileURLWithPath: "G.svg"))
  /// ```
  ///
  /// Mistakes inside an HTML-like label (`label=<...>`) are not found by
  /// the parse: Graphviz meets them when it lays the graph out, and then
  /// draws the node's name instead of the label. Check a figure's text
  /// (its SVG) when you write such labels.
  ///
  /// Name the graph (`digraph G`, not `digraph {`): Graphviz numbers
  /// anonymous graphs from a counter that grows with every graph the
  /// process reads, and the SVG shows that name.
  ///
  /// - Parameters:
  ///   - dot: The DOT text; only its first graph is drawn.
  ///   - nodeLimit: The largest ``layoutSize`` the drawing may have when
  ///     it is laid out; see ``defaultNodeLimit``.
  /// - Throws: ``GraphRenderError/invalidDOT(_:)`` with Graphviz's message
  ///   when it cannot read the text; ``GraphRenderError/invalidOption(_:)``
  ///   for a negative node limit; ``GraphRenderError/graphvizNotConfigured(_:)``.
  /// - Complexity: One parse of the text; no layout.
  public init(dot: String, nodeLimit: Int = Drawing.defaultNodeLimit) throws {
    guard nodeLimit >= 0 else {
      throw GraphRenderError.invalidOption("nodeLimit \(nodeLimit): the limit cannot be negative")
    }
    let (nodes, edges) = try Graphviz.count(dot)
    self.init(
      dot: dot, nodeCount: nodes, edgeCount: edges, layoutSize: nodes + edges, nodeLimit: nodeLimit, title: nil)
  }
}
