import Micrograd

/// Draws the graph that computed `root`, as the lecture's `draw_dot` does.
///
/// Every value becomes a `record` node labelled `{ label | data | grad }`,
/// its fields side by side in every direction (`label | data | grad` top
/// to bottom) (no label field when the value has none). Every computed value also gets
/// an op node (`+`, `*`, `tanh`, ...) with an edge to the value, and an
/// edge from each of its operands to the op node; `a * a` draws both. Op
/// nodes belong to their value, not to their operation: the lecture's
/// `str(id(n)) + n._op`.
///
/// Nodes are named by their position in ``trace(_:)``'s order (`v0`,
/// `v0_op`, ...) rather than by address, so the same program writes the
/// same bytes on every run.
///
/// Every option (direction, numbers, style, a network's clusters, folding,
/// the node limit, a title) is in ``DrawOptions``:
///
/// ```swift
/// let drawing = try drawDot(L)
/// print(drawing.dot)                       // the DOT text
/// try drawing.write(to: URL(fileURLWithPath: "L.svg"))
/// let folded = try drawDot(loss, options: .init(clusters: n, folded: true))
/// ```
///
/// - Parameters:
///   - root: The value whose graph to draw.
///   - options: How to draw it; the lecture's `draw_dot` by default.
/// - Returns: The drawing, ready to render or write.
/// - Throws: ``GraphRenderError/invalidOption(_:)`` for a number format
///   outside 0...17 decimals, a negative node limit, a network none of
///   whose parameters is in the graph (`clusters`), or a graph with no
///   weighted sum to fold (`folded`).
///
/// The drawing also keeps what its HTML page (``Drawing/html(title:)``)
/// shows: each value's data and gradient, and the steps of `backward()`,
/// which ``backwardSteps(_:)`` records by running them on the graph and
/// then putting every gradient back. A folded drawing's page has no steps
/// (``Drawing/hasBackwardSteps`` is `false`): they would update values
/// that the folded figure does not draw.
///
/// - Complexity: O(*n*) for a graph of *n* values; no recursion.
public func drawDot(_ root: Value, options: DrawOptions = DrawOptions()) throws -> Drawing {
  try options.validate()
  let graph = trace(root)
  var drawn = try DrawnGraph(graph, options: options)
  try drawn.show(options.view)
  var writer = DOTWriter(drawn: drawn, options: options)
  let dot = writer.write()
  return Drawing(
    dot: dot, nodeCount: writer.nodeCount, edgeCount: writer.edgeCount,
    layoutSize: drawn.layoutSize(), nodeLimit: options.nodeLimit, title: options.title,
    explorer: options.folded || options.view != .whole
      ? nil
      : ExplorerGraph(
        graph, labels: graph.nodes.indices.map(drawn.label), numberFormat: options.numberFormat,
        showGrad: options.showGrad))
}

extension DrawnGraph {
  /// What `options` shows of `graph`: its network's clusters, and its
  /// weighted sums folded.
  ///
  /// - Throws: ``GraphRenderError/invalidOption(_:)`` for a network none
  ///   of whose parameters is in the graph, or nothing to fold.
  init(_ graph: Trace, options: DrawOptions) throws {
    self.init(graph)
    if let clusters = options.clusters {
      cluster(graph.neurons(of: clusters))
      guard !neurons.isEmpty else {
        throw GraphRenderError.invalidOption(
          "clusters: no weight or bias of the network \(clusters.shape) is in the graph; "
            + "pass the network that computed it")
      }
    }
    if options.folded {
      let operands = graph.operandIndices()
      let uses = graph.useCounts()
      let sums =
        options.clusters == nil
        ? graph.neuronSums(operands: operands, uses: uses)
        : neurons.flatMap(\.sums).sorted().compactMap {
          graph.weightedSum(at: $0, operands: operands, uses: uses)
        }
      guard fold(sums) > 0 else {
        let message =
          if let clusters = options.clusters {
            "folded: no neuron of the network \(clusters.shape) computes a weighted sum in the graph"
          } else {
            "folded: the graph has no neuron to fold: no activation (tanh, ReLU, sigmoid) "
              + "of a sum of unlabelled products w*x used once, plus at most one other term"
          }
        throw GraphRenderError.invalidOption(message)
      }
    }
  }
}

extension MLP {
  /// `MLP(3, [4, 4, 1])`, as the network was made.
  var shape: String {
    let inputs = layers.first?.neurons.first?.w.count ?? 0
    return "MLP(\(inputs), [\(layers.map { String($0.neurons.count) }.joined(separator: ", "))])"
  }
}
