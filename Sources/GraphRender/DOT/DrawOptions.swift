import Micrograd

/// How a graph is drawn: every option of ``drawDot(_:options:)``, as one
/// value that the backward-step frames (``drawBackwardSteps(_:options:)``),
/// the HTML page and GraphSnapshotTesting's strategies (`.dot(options)`,
/// `.svg(options)`) take too, so that they cannot drift apart.
///
/// Every option has the lecture's default, so a drawing names only what
/// it changes:
///
/// ```swift
/// try drawDot(L)                                              // draw_dot
/// try drawDot(o, options: .init(style: .teaching, parameters: [w1, w2, b]))
/// var options = DrawOptions(clusters: n, folded: true)
/// options.rankdir = .topToBottom
/// try drawDot(loss, options: options)
/// ```
///
/// A value holds the graph's own values (``parameters``, ``clusters``), so
/// it belongs, like them, to one task.
public struct DrawOptions {
  /// The direction of flow; left to right by default.
  public var rankdir: RankDir
  /// How data and grad are written; four decimals by default, as in the
  /// lecture.
  public var numberFormat: NumberFormat
  /// Whether each node shows its gradient.
  public var showGrad: Bool
  /// The lecture's plain look (the default), or the colours, legend,
  /// tooltips and SVG ids of ``DrawingStyle/teaching``.
  public var style: DrawingStyle
  /// The values to mark as parameters (a model's `parameters()`), for
  /// styles that colour roles.
  public var parameters: [Value]
  /// The network that computed the graph, to draw a cluster per layer
  /// (`layer 1`) holding a cluster per neuron (`layer 1 · neuron 2`, that
  /// is `clusters.layers[0].neurons[1]`) with the neuron's parameters and,
  /// for every call, its products, sums and activation
  /// (<doc:NeuronsAndLayers>); `nil` for none.
  public var clusters: MLP?
  /// Whether each neuron's weighted sum is drawn as one value,
  /// `Σ w·x + b`, drawn from its weights, inputs and bias, instead of the
  /// chain of `*` and `+` that computed it. The neurons are those of
  /// ``clusters`` when it is given, else those the graph shows: an
  /// activation of a sum of unlabelled products (<doc:NeuronsAndLayers>).
  public var folded: Bool
  /// The largest ``Drawing/layoutSize`` the drawing may have when it is
  /// laid out; see ``Drawing/defaultNodeLimit``.
  public var nodeLimit: Int
  /// A caption drawn above the graph, and the title of its HTML page;
  /// `nil` for none (the page is then titled by the root's label).
  public var title: String?

  /// Options with the lecture's defaults, but for those given.
  public init(
    rankdir: RankDir = .leftToRight,
    numberFormat: NumberFormat = .fixed(4),
    showGrad: Bool = true,
    style: DrawingStyle = .lecture,
    parameters: [Value] = [],
    clusters: MLP? = nil,
    folded: Bool = false,
    nodeLimit: Int = Drawing.defaultNodeLimit,
    title: String? = nil
  ) {
    self.rankdir = rankdir
    self.numberFormat = numberFormat
    self.showGrad = showGrad
    self.style = style
    self.parameters = parameters
    self.clusters = clusters
    self.folded = folded
    self.nodeLimit = nodeLimit
    self.title = title
  }

  /// Checks the options that need no graph: the number format's decimals
  /// and the node limit.
  ///
  /// - Throws: ``GraphRenderError/invalidOption(_:)`` saying which option
  ///   is out of range.
  func validate() throws {
    try numberFormat.validate()
    guard nodeLimit >= 0 else {
      throw GraphRenderError.invalidOption("nodeLimit \(nodeLimit): the limit cannot be negative")
    }
  }
}

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
