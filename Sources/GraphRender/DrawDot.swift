import Micrograd

/// The direction a drawing's graph flows in (Graphviz's `rankdir`).
public enum RankDir: String, Hashable, Sendable, CaseIterable {
  /// Left to right, the lecture's choice: inputs on the left.
  case leftToRight = "LR"
  /// Top to bottom: inputs at the top.
  case topToBottom = "TB"
  /// Right to left.
  case rightToLeft = "RL"
  /// Bottom to top.
  case bottomToTop = "BT"
}

/// Draws the graph that computed `root`, as the lecture's `draw_dot` does.
///
/// Every value becomes a `record` node labelled `{ label | data | grad }`
/// (no label field when the value has none). Every computed value also gets
/// an op node (`+`, `*`, `tanh`, ...) with an edge to the value, and an
/// edge from each of its operands to the op node; `a * a` draws both. Op
/// nodes belong to their value, not to their operation: the lecture's
/// `str(id(n)) + n._op`.
///
/// Nodes are named by their position in ``trace(_:)``'s order (`v0`,
/// `v0_op`, ...) rather than by address, so the same program writes the
/// same bytes on every run.
///
/// ```swift
/// let drawing = try drawDot(L)
/// print(drawing.dot)                       // the DOT text
/// try drawing.write(to: URL(fileURLWithPath: "L.svg"))
/// ```
///
/// - Parameters:
///   - root: The value whose graph to draw.
///   - rankdir: The direction of flow; left to right by default.
///   - numberFormat: How data and grad are written; four decimals by
///     default, as in the lecture.
///   - showGrad: Whether each node shows its gradient.
///   - style: The lecture's plain look (the default), or the colours,
///     legend, tooltips and SVG ids of ``DrawingStyle/teaching``.
///   - parameters: The values to mark as parameters (a model's
///     `parameters()`), for styles that colour roles.
///   - nodeLimit: The largest ``Drawing/layoutSize`` the drawing may have
///     when it is laid out; see ``Drawing/defaultNodeLimit``.
/// - Returns: The drawing, ready to render or write.
/// - Throws: ``GraphRenderError/invalidOption(_:)`` for a number format
///   outside 0...17 decimals or a negative node limit.
/// The drawing also keeps what its HTML page (``Drawing/html(title:)``)
/// shows: each value's data and gradient, and the steps of `backward()`,
/// which ``backwardSteps(_:)`` records by running them on the graph and
/// then putting every gradient back.
///
/// - Complexity: O(*n*) for a graph of *n* values; no recursion.
public func drawDot(
  _ root: Value,
  rankdir: RankDir = .leftToRight,
  numberFormat: NumberFormat = .fixed(4),
  showGrad: Bool = true,
  style: DrawingStyle = .lecture,
  parameters: [Value] = [],
  nodeLimit: Int = Drawing.defaultNodeLimit
) throws -> Drawing {
  try numberFormat.validate()
  guard nodeLimit >= 0 else {
    throw GraphRenderError.invalidOption("nodeLimit \(nodeLimit): the limit cannot be negative")
  }
  let graph = trace(root)
  var writer = DOTWriter(
    graph: graph, numberFormat: numberFormat, showGrad: showGrad, style: style,
    parameters: Set(parameters.map(ObjectIdentifier.init)))
  let dot = writer.write(rankdir: rankdir)
  return Drawing(
    dot: dot, nodeCount: writer.nodeCount, edgeCount: writer.edgeCount,
    layoutSize: graph.layoutSize(), nodeLimit: nodeLimit,
    explorer: ExplorerGraph(graph, numberFormat: numberFormat, showGrad: showGrad))
}
