import Micrograd

/// Writes a traced graph as DOT text, the way Python's `graphviz` package
/// writes the lecture's `draw_dot`: a tab-indented `digraph` with one line
/// per node or edge, nodes in trace order, each computed value followed by
/// its op node and the op's edge, then the clusters of a network's layers
/// and neurons (naming their nodes), then the operand edges in trace order.
/// What a folded weighted sum stands for is not written.
///
/// A backward-step frame is the same drawing with the gradients a step
/// left (``grads``) and that step marked (``marks``).
struct DOTWriter {
  let drawn: DrawnGraph
  private var graph: Trace { drawn.trace }
  let numberFormat: NumberFormat
  let showGrad: Bool
  let style: DrawingStyle
  /// The identities of the values to mark as parameters.
  let parameters: Set<ObjectIdentifier>
  /// A caption above the graph, or `nil`.
  let title: String?
  let rankdir: RankDir
  /// The gradient drawn for each value of the trace: its own by default.
  var grads: [Double]
  /// A backward step to mark, for a frame; `nil` for a plain drawing.
  var marks: StepMarks?

  /// The nodes and edges written, not counting the legend's.
  private(set) var nodeCount = 0
  private(set) var edgeCount = 0

  init(drawn: DrawnGraph, options: DrawOptions) {
    self.drawn = drawn
    numberFormat = options.numberFormat
    showGrad = options.showGrad
    style = options.style
    parameters = Set(options.parameters.map(ObjectIdentifier.init))
    title = options.title
    rankdir = options.rankdir
    grads = drawn.trace.nodes.map(\.grad)
  }

  /// The DOT text of the whole drawing.
  mutating func write() -> String {
    NumberFormat.inPOSIXLocale { writeLines() }
  }

  private mutating func writeLines() -> String {
    // nslimit=1 bounds dot's network-simplex passes: a value used by many
    // operations (a * a * ... * a) took seconds without it, and the
    // lecture's figures come out byte for byte the same with it.
    var graphLine = "\tgraph [rankdir=\(rankdir.rawValue) nslimit=1"
    if let title {
      graphLine += " label=\"\(RecordText.quoted(title))\" labelloc=t fontsize=18"
    }
    var lines = ["digraph \(graphName) {", graphLine + "]"]
    let shown = graph.nodes.indices.filter { drawn.isDrawn[$0] }
    let largestGrad = shown.map { abs(grads[$0]) }.filter(\.isFinite).max() ?? 0
    var rolesSeen: [Role] = []
    for i in shown {
      let node = graph.nodes[i]
      let role = role(of: node, at: i)
      if !rolesSeen.contains(role) { rolesSeen.append(role) }
      lines.append("\tv\(i) " + attributes(valueAttributes(node, i, role, largestGrad)))
      nodeCount += 1
      if let op = node.op {
        lines.append("\tv\(i)_op " + attributes(opAttributes(drawn.opLabels[i] ?? op.description, i)))
        var edge = "\tv\(i)_op -> v\(i)"
        var list = style.svgIDsAndClasses ? [("id", "v\(i)_out"), ("class", "result")] : []
        if marks?.node == i { list += StepMarks.edge }
        if !list.isEmpty { edge += " " + attributes(list) }
        lines.append(edge)
        nodeCount += 1
        edgeCount += 1
      }
    }
    lines += clusters()
    var k = 0
    for i in shown {
      for from in drawn.operands[i] {
        var line = "\tv\(from) -> v\(i)_op"
        var list = style.svgIDsAndClasses ? [("id", "e\(k)"), ("class", "operand")] : []
        if marks?.node == i { list += StepMarks.edge }
        if !list.isEmpty { line += " " + attributes(list) }
        lines.append(line)
        edgeCount += 1
        k += 1
      }
    }
    if style.legend || marks != nil {
      lines += legend(roles: rolesSeen)
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The graph's name, which SVG shows as its title: the root's label when
  /// it is a plain DOT identifier (`L`, `loss`), else `drawDot`.
  ///
  /// Python's `graphviz` writes an anonymous `digraph {`, but Graphviz
  /// names anonymous graphs from a counter (`%3`, `%33`, ...) that grows
  /// with every graph a process reads, so a second render of the same
  /// drawing would differ.
  private var graphName: String {
    let label = graph.nodes.last?.label ?? ""
    let name = Self.quotedIfNeeded(label)
    return !label.isEmpty && name == label ? label : "drawDot"
  }

  // MARK: - Nodes

  private func role(of node: Value, at index: Int) -> Role {
    if index == graph.nodes.count - 1 { return .output }
    if parameters.contains(ObjectIdentifier(node)) { return .parameter }
    return node.isLeaf ? .input : .computed
  }

  /// The attributes of value node `i`: its record label, then the style's.
  private func valueAttributes(
    _ node: Value, _ i: Int, _ role: Role, _ largestGrad: Double
  ) -> [(String, String)] {
    var fields: [String] = []
    if !node.label.isEmpty { fields.append(RecordText.field(node.label)) }
    fields.append("data " + numberFormat.format(node.data))
    if showGrad { fields.append("grad " + numberFormat.format(grads[i])) }
    var list = [("label", "{ " + fields.joined(separator: " | ") + " }"), ("shape", "record")]
    if style.svgIDsAndClasses {
      list += [("id", "v\(i)"), ("class", "value \(role.rawValue)")]
    }
    if style.tooltips {
      let name = node.label.isEmpty ? "" : RecordText.tooltip(node.label) + ": "
      let data = NumberFormat.shortest.format(node.data)
      let grad = NumberFormat.shortest.format(grads[i])
      list.append(("tooltip", "\(name)data \(data), grad \(grad)"))
    }
    if style.colorsByRole, let outline = role.outline {
      list += [("color", outline.color), ("penwidth", outline.width)]
    }
    if style.colorsByGradient {
      list += [
        ("style", "filled"), ("fillcolor", GradientColor.fill(grads[i], largest: largestGrad)),
      ]
    }
    if let marks, let outline = marks.outline(of: i) {
      list = list.filter { $0.0 != "color" && $0.0 != "penwidth" } + outline
    }
    return list
  }

  /// The attributes of the op node of value `i`, whose text is `op`.
  private func opAttributes(_ op: String, _ i: Int) -> [(String, String)] {
    var list = [("label", RecordText.quoted(op))]
    if style.svgIDsAndClasses {
      list += [("id", "v\(i)_op"), ("class", "op")]
    }
    if style.tooltips {
      list.append(("tooltip", RecordText.tooltip(op)))
    }
    if style.colorsByRole {
      list += [("style", "filled"), ("fillcolor", OpStyle.fill), ("color", OpStyle.outline)]
    }
    if marks?.node == i {
      list = list.filter { $0.0 != "color" && $0.0 != "penwidth" } + StepMarks.processed
    }
    return list
  }

  // MARK: - Clusters

  /// A cluster per layer, holding a cluster per neuron, which holds the
  /// neuron's drawn values and their op nodes: `layer 1`,
  /// `layer 1 · neuron 2`, numbered from 1.
  private func clusters() -> [String] {
    var lines: [String] = []
    var layer: Int?
    for neuron in drawn.neurons {
      let members = neuron.members.filter { drawn.isDrawn[$0] }
      guard !members.isEmpty else { continue }
      let l = neuron.layer + 1, n = neuron.neuron + 1
      if layer != neuron.layer {
        if layer != nil { lines.append("\t}") }
        layer = neuron.layer
        var list = [("label", "layer \(l)"), ("style", "dashed"), ("color", "#969696")]
        if style.svgIDsAndClasses { list += [("id", "layer\(l)"), ("class", "layer")] }
        lines += ["\tsubgraph cluster_layer\(l) {", "\t\tgraph " + attributes(list)]
      }
      var list = [("label", "layer \(l) · neuron \(n)"), ("style", "solid"), ("color", "#bdbdbd")]
      if style.svgIDsAndClasses { list += [("id", "layer\(l)_neuron\(n)"), ("class", "neuron")] }
      lines += ["\t\tsubgraph cluster_layer\(l)_neuron\(n) {", "\t\t\tgraph " + attributes(list)]
      for i in members {
        lines.append("\t\t\tv\(i)")
        if graph.nodes[i].op != nil { lines.append("\t\t\tv\(i)_op") }
      }
      lines.append("\t\t}")
    }
    if layer != nil { lines.append("\t}") }
    return lines
  }

  // MARK: - Legend

  /// A cluster of boxes that explain the colours the drawing uses.
  private func legend(roles: [Role]) -> [String] {
    var entries: [(name: String, text: String, extra: [(String, String)])] = []
    if style.colorsByRole {
      for role in [Role.input, .parameter, .output] where roles.contains(role) {
        let outline = role.outline!
        entries.append(
          (role.rawValue, role.legendText, [("color", outline.color), ("penwidth", outline.width)]))
      }
      entries.append(
        ("op", "op", [("style", "filled"), ("fillcolor", OpStyle.fill), ("color", OpStyle.outline)]))
    }
    if style.colorsByGradient {
      let grads = graph.nodes.indices.filter { drawn.isDrawn[$0] }.map { self.grads[$0] }
      if grads.contains(where: { $0 > 0 && $0.isFinite }) {
        entries.append(("grad_positive", "grad > 0 (darker: larger)", filled(GradientColor.positive[3])))
      }
      if grads.contains(where: { $0 < 0 && $0.isFinite }) {
        entries.append(("grad_negative", "grad < 0 (darker: larger)", filled(GradientColor.negative[3])))
      }
      if grads.contains(0) {
        entries.append(("grad_zero", "grad = 0", filled(GradientColor.zero)))
      }
      if grads.contains(where: { !$0.isFinite }) {
        entries.append(("grad_nonfinite", "grad NaN or inf", filled(GradientColor.nonFinite)))
      }
    }
    if marks != nil {
      entries += StepMarks.legend
    }
    guard !entries.isEmpty else { return [] }
    var graphAttributes = [("label", "legend"), ("fontsize", "10"), ("color", "#bdbdbd")]
    if style.svgIDsAndClasses {
      graphAttributes += [("id", "legend"), ("class", "legend")]
    }
    var lines = ["\tsubgraph cluster_legend {", "\t\tgraph " + attributes(graphAttributes)]
    for entry in entries {
      var list = [("label", entry.text), ("shape", "box"), ("fontsize", "10")] + entry.extra
      if style.svgIDsAndClasses {
        list += [("id", "legend_\(entry.name)"), ("class", "legend")]
      }
      lines.append("\t\tlegend_\(entry.name) " + attributes(list))
    }
    lines.append("\t}")
    return lines
  }

  private func filled(_ color: String) -> [(String, String)] {
    [("style", "filled"), ("fillcolor", color)]
  }

  // MARK: - Attribute lists

  /// `[name=value name="value"]`: values that are DOT identifiers or
  /// numbers are written bare, as Python's `graphviz` does; the rest are
  /// quoted. Values must already be escaped for a quoted string.
  private func attributes(_ list: [(String, String)]) -> String {
    "[" + list.map { "\($0.0)=\(Self.quotedIfNeeded($0.1))" }.joined(separator: " ") + "]"
  }

  private static func quotedIfNeeded(_ value: String) -> String {
    let bytes = Array(value.utf8)
    let isIdentifier =
      !bytes.isEmpty && !(bytes[0] >= UInt8(ascii: "0") && bytes[0] <= UInt8(ascii: "9"))
      && bytes.allSatisfy { $0 == UInt8(ascii: "_") || isASCIIAlphanumeric($0) }
    let isNumber =
      !bytes.isEmpty
      && bytes.allSatisfy { $0 == UInt8(ascii: ".") || ($0 >= 48 && $0 <= 57) }
      && bytes.filter { $0 == UInt8(ascii: ".") }.count <= 1 && bytes != [UInt8(ascii: ".")]
    let isKeyword = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
      .contains(value.lowercased())
    return (isIdentifier || isNumber) && !isKeyword ? value : "\"\(value)\""
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }
}
