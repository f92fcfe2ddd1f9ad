/// What a drawing adds to the lecture's plain look, for teaching.
///
/// ``lecture`` is `draw_dot` exactly: black records and op ellipses.
/// ``teaching`` turns everything on:
///
/// - **roles**: each value node's outline says what it is: an input (a leaf
///   that is not a parameter), a parameter (the values passed as
///   `parameters:`), the output (the root) or a computed value; op nodes
///   are filled grey;
/// - **gradient colours**: each value node is filled by the sign and size
///   of its gradient: green for positive, red for negative, stronger the
///   larger it is against the largest gradient in the graph (four steps);
///   white for zero, grey for NaN or an infinity;
/// - **legend**: a box that explains the colours;
/// - **tooltips**: hovering a node in an SVG shows its data and grad in
///   full precision (the shortest text that reads back as the same
///   `Double`), and an op node's operation;
/// - **SVG ids and classes**: every node and edge has a stable `id`
///   (`v3`, `v3_op`, `e0` for the first operand edge, `v3_out` for an op's
///   edge to its value, `legend`) and CSS classes by role, which Graphviz
///   writes after its own `node`, `edge` or `cluster`: `node value input`,
///   `node value parameter`, `node value output`, `node value computed`,
///   `node op`, `edge operand`, `edge result`, `cluster legend`; and,
///   drawn with `clusters:`, `layer1` and `layer1_neuron2`, with
///   `cluster layer` and `cluster neuron`; so a lecture's style sheet or
///   script can address them.
public struct DrawingStyle: Hashable, Sendable {
  /// Outline value nodes by role and fill op nodes.
  public var colorsByRole: Bool
  /// Fill value nodes by the sign and size of their gradient.
  public var colorsByGradient: Bool
  /// Add a legend that explains the colours in use.
  public var legend: Bool
  /// Give every node a tooltip with full-precision data and grad.
  public var tooltips: Bool
  /// Give every node and edge a stable SVG `id` and CSS classes by role.
  public var svgIDsAndClasses: Bool

  /// Makes a style; every feature is off unless turned on.
  public init(
    colorsByRole: Bool = false, colorsByGradient: Bool = false, legend: Bool = false,
    tooltips: Bool = false, svgIDsAndClasses: Bool = false
  ) {
    self.colorsByRole = colorsByRole
    self.colorsByGradient = colorsByGradient
    self.legend = legend
    self.tooltips = tooltips
    self.svgIDsAndClasses = svgIDsAndClasses
  }

  /// The lecture's `draw_dot`, nothing added.
  public static let lecture = DrawingStyle()

  /// Every teaching feature on.
  public static let teaching = DrawingStyle(
    colorsByRole: true, colorsByGradient: true, legend: true, tooltips: true,
    svgIDsAndClasses: true)
}

// MARK: - Roles and colours

/// What a value is in its graph, for ``DrawingStyle/colorsByRole``.
enum Role: String {
  case input, parameter, output, computed

  /// The outline colour and pen width of a value node in this role.
  var outline: (color: String, width: String)? {
    switch self {
    case .input: ("#2b8cbe", "1.5")
    case .parameter: ("#e6550d", "2")
    case .output: ("#756bb1", "2.5")
    case .computed: nil
    }
  }

  /// What the legend says of the role.
  var legendText: String {
    switch self {
    case .input: "input"
    case .parameter: "parameter"
    case .output: "output"
    case .computed: "computed"
    }
  }
}

/// The fill and outline of op nodes when roles are coloured.
enum OpStyle {
  static let fill = "#eeeeee"
  static let outline = "#969696"
}

/// Fill colours for ``DrawingStyle/colorsByGradient``.
enum GradientColor {
  /// Four strengths of green, weakest first, for positive gradients.
  static let positive = ["#e5f5e0", "#a1d99b", "#74c476", "#41ab5d"]
  /// Four strengths of red, weakest first, for negative gradients.
  static let negative = ["#fee0d2", "#fc9272", "#fb6a4a", "#ef3b2c"]
  /// The fill for a zero gradient.
  static let zero = "#ffffff"
  /// The fill for a gradient that is NaN or infinite.
  static let nonFinite = "#bdbdbd"

  /// The fill for `grad`, against the largest finite magnitude in the graph.
  static func fill(_ grad: Double, largest: Double) -> String {
    guard grad.isFinite else { return nonFinite }
    guard grad != 0, largest > 0 else { return zero }
    let step = min(3, max(0, Int((abs(grad) / largest * 4).rounded(.up)) - 1))
    return grad > 0 ? positive[step] : negative[step]
  }
}
