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
/// Every value becomes a `record` node labelled `{ label | data | grad }`, its
/// fields side by side in every direction (`label | data | grad` top to bottom)
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
/// A network's graph can be drawn with a box per layer and per neuron
/// (`clusters:`), and with each neuron's weighted sum as one value
/// (`folded:`):
///
/// ```swift
/// let folded = try drawDot(loss, clusters: n, folded: true)
/// ```
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
///   - clusters: The network that computed the graph, to draw a cluster
///     per layer (`layer 1`) holding a cluster per neuron
///     (`layer 1 · neuron 2`, that is `clusters.layers[0].neurons[1]`) with
///     the neuron's parameters and, for every call, its products, sums
///     and activation (<doc:NeuronsAndLayers>); `nil` for none.
///   - folded: Whether each neuron's weighted sum is drawn as one value,
///     `Σ w·x + b`, drawn from its weights, inputs and bias, instead of
///     the chain of `*` and `+` that computed it. The neurons are those of
///     `clusters` when it is given, else those the graph shows: an
///     activation of a sum of unlabelled products (<doc:NeuronsAndLayers>).
///   - view: Which part of a network's graph to draw: all of it (the
///     default), or one neuron, one layer or one example's path, sized for
///     a slide (``DrawingView``); a part needs `clusters:`.
///   - numbered: Whether each value's record starts with its place in
///     `topologicalOrder()` (`#1`, `#2`, ...): the order as a picture.
///   - title: A caption to write above the graph, in the image itself:
///     for figures that would otherwise look alike (the same graph with
///     gradients by hand and by `backward()`); `nil` for none.
///   - marked: Values to draw in red: the wrong gradient of a figure that
///     shows a bug.
///   - nodeLimit: The largest ``Drawing/layoutSize`` the drawing may have
///     when it is laid out; see ``Drawing/defaultNodeLimit``.
/// - Returns: The drawing, ready to render or write.
/// - Throws: ``GraphRenderError/invalidOption(_:)`` for a number format
///   outside 0...17 decimals, a negative node limit, a network none of
///   whose parameters is in the graph (`clusters:`), or a graph with no
///   weighted sum to fold (`folded:`).
///
/// The drawing also keeps what its HTML page (``Drawing/html(title:)``)
/// shows: each value's data and gradient, and the steps of `backward()`,
/// which ``backwardSteps(_:)`` records by running them on the graph and
/// then putting every gradient back. A folded drawing's page has no steps
/// (``Drawing/hasBackwardSteps`` is `false`): they would update values
/// that the folded figure does not draw.
///
/// - Complexity: O(*n*) for a graph of *n* values; no recursion.
public func drawDot(
  _ root: Value,
  rankdir: RankDir = .leftToRight,
  numberFormat: NumberFormat = .fixed(4),
  showGrad: Bool = true,
  style: DrawingStyle = .lecture,
  parameters: [Value] = [],
  clusters: MLP? = nil,
  folded: Bool = false,
  view: DrawingView = .whole,
  numbered: Bool = false,
  title: String? = nil,
  marked: [Value] = [],
  nodeLimit: Int = Drawing.defaultNodeLimit
) throws -> Drawing {
  try numberFormat.validate()
  guard nodeLimit >= 0 else {
    throw GraphRenderError.invalidOption("nodeLimit \(nodeLimit): the limit cannot be negative")
  }
  let graph = trace(root)
  var drawn = DrawnGraph(graph)
  if let clusters {
    drawn.neurons = graph.neurons(of: clusters)
    guard !drawn.neurons.isEmpty else {
      throw GraphRenderError.invalidOption(
        "clusters: no weight or bias of the network \(clusters.shape) is in the graph; "
          + "pass the network that computed it")
    }
  }
  if folded {
    let operands = graph.operandIndices(), uses = graph.useCounts()
    let sums = clusters == nil
      ? graph.neuronSums(operands: operands, uses: uses)
      : drawn.neurons.flatMap(\.sums).sorted().compactMap {
        graph.weightedSum(at: $0, operands: operands, uses: uses)
      }
    guard drawn.fold(sums) > 0 else {
      let message =
        if let clusters {
          "folded: no neuron of the network \(clusters.shape) computes a weighted sum in the graph"
        } else {
          "folded: the graph has no neuron to fold: no activation (tanh, ReLU, sigmoid) "
            + "of a sum of unlabelled products w*x used once, plus at most one other term"
        }
      throw GraphRenderError.invalidOption(message)
    }
  }
  try drawn.show(view)
  var writer = DOTWriter(
    drawn: drawn, numberFormat: numberFormat, showGrad: showGrad, style: style,
    parameters: Set(parameters.map(ObjectIdentifier.init)))
  writer.marked = Set(marked.map(ObjectIdentifier.init))
  writer.title = title
  writer.numbered = numbered
  let dot = writer.write(rankdir: rankdir)
  return Drawing(
    dot: dot, nodeCount: writer.nodeCount, edgeCount: writer.edgeCount,
    layoutSize: drawn.layoutSize(), nodeLimit: nodeLimit,
    explorer: folded || view != .whole
      ? nil
      : ExplorerGraph(
        graph, labels: graph.nodes.indices.map(drawn.label), numberFormat: numberFormat, showGrad: showGrad))
}

extension MLP {
  /// `MLP(3, [4, 4, 1])`, as the network was made.
  var shape: String {
    let inputs = layers.first?.neurons.first?.w.count ?? 0
    return "MLP(\(inputs), [\(layers.map { String($0.neurons.count) }.joined(separator: ", "))])"
  }
}
