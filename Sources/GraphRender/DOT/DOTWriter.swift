import Micrograd

/// Writes a traced graph as DOT text, the way Python's `graphviz` package
/// writes the lecture's `draw_dot`: a tab-indented `digraph` with one line
/// per node or edge, nodes in trace order, each computed value followed by
/// its op node and the op's edge, then the clusters of a network's layers
/// and neurons (naming their nodes), then the operand edges in trace order.
/// What a folded weighted sum stands for is not written. A network's
/// drawing also names each neuron's parameters first, and ends with what
/// keeps it in the network's order (``order(_:)``).
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
  /// The identities of the values to mark in red (a wrong gradient).
  let marked: Set<ObjectIdentifier>
  /// Whether each record starts with the value's place in the trace.
  let numbered: Bool
  /// The colour of marked values.
  static let markColor = "#d62728"
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
    marked = Set(options.marked.map(ObjectIdentifier.init))
    numbered = options.numbered
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
    let examples = drawn.neurons.isEmpty ? nil : NetworkExamples(drawn)
    /// The colour of an edge of example `k`'s path, when there are several.
    func band(_ k: Int?) -> String? {
      guard let k, let examples, examples.inputs.count > 1 else { return nil }
      return NetworkExamples.color(k)
    }
    var graphLine = "\tgraph [rankdir=\(rankdir.rawValue) nslimit=1"
    if let title {
      graphLine += " label=\"\(RecordText.quoted(title))\" labelloc=t fontsize=18"
    }
    // A network's graph: ranks across clusters (newrank), and few passes
    // of dot's crossing reduction (mclimit), so that the order order(_:)
    // sets up holds.
    if !drawn.neurons.isEmpty { graphLine += " newrank=true mclimit=0.01" }
    // A part of a graph, for a slide: closer together.
    if drawn.view != .whole { graphLine += " nodesep=0.12 ranksep=0.3" }
    var lines = ["digraph \(graphName) {", graphLine + "]"]
    // One neuron needs no order, and would be made wider by it.
    let ordered = examples != nil && (drawn.view == .whole || drawn.view.isLayer)
    if ordered { lines += declarationOrder() }
    if let examples, case .example = drawn.view { lines += pathDeclarationOrder(examples) }
    let shown = graph.nodes.indices.filter { drawn.isDrawn[$0] }
    let largestGrad = shown.map { abs(grads[$0]) }.filter(\.isFinite).max() ?? 0
    var rolesSeen: [Role] = []
    for i in shown {
      let node = graph.nodes[i]
      let role = role(of: node, at: i)
      if !rolesSeen.contains(role) { rolesSeen.append(role) }
      lines.append("\tv\(i) " + attributes(valueAttributes(node, i, role, largestGrad)))
      nodeCount += 1
      if drawn.hasOpNode(i), let op = node.op {
        lines.append("\tv\(i)_op " + attributes(opAttributes(drawn.opLabels[i] ?? op.description, i)))
        let color = band(examples?.example[i])
        lines.append(edge("v\(i)_op", "v\(i)", into: i, id: "v\(i)_out", class: "result", color: color))
        nodeCount += 1
        edgeCount += 1
      }
    }
    lines += clusters(examples)
    // In a network's ordered drawing, a bias's edges do not place it (see
    // order(_:)).
    var biases = Set<Int>()
    if ordered { biases = Set(drawn.neurons.compactMap(\.bias)) }
    var k = 0
    for i in shown {
      for from in drawn.operands[i] {
        let e = examples?.example[i]
        let color = e != nil && examples?.example[from] == e ? band(e) : nil
        lines.append(
          edge(
            "v\(from)", "v\(i)_op", into: i, id: "e\(k)", class: "operand", color: color,
            placing: !biases.contains(from)))
        edgeCount += 1
        k += 1
      }
    }
    if ordered, let examples { lines += order(examples) }
    if let examples, case .example = drawn.view { lines += pathOrder(examples) }
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
    var fields: [String] = numbered ? ["#\(i + 1)"] : []
    let label = drawn.label(i)
    if !label.isEmpty { fields.append(RecordText.field(label)) }
    fields.append("data " + numberFormat.format(node.data))
    if showGrad { fields.append("grad " + numberFormat.format(grads[i])) }
    // `{ }` turns a record's fields across the graph's flow: side by side
    // left to right, as in the lecture. Drawn top to bottom, the fields
    // stay side by side (no braces), so that every record reads as the
    // lecture's do, and a tall figure stays narrow enough for a slide.
    let record = fields.joined(separator: " | ")
    var list = [("label", ranksAcross ? "{ " + record + " }" : record), ("shape", "record")]
    if style.svgIDsAndClasses {
      list += [("id", "v\(i)"), ("class", "value \(role.rawValue)")]
    }
    if style.tooltips {
      let name = label.isEmpty ? "" : RecordText.tooltip(label) + ": "
      let data = NumberFormat.shortest.format(node.data)
      let grad = NumberFormat.shortest.format(grads[i])
      list.append(("tooltip", "\(name)data \(data), grad \(grad)"))
    }
    if style.colorsByRole, let outline = role.outline {
      list += [("color", outline.color), ("penwidth", outline.width)]
    }
    let cut = drawn.isCut.isEmpty ? false : drawn.isCut[i]
    if style.colorsByGradient {
      list += [
        ("style", cut ? "filled,dashed" : "filled"),
        ("fillcolor", GradientColor.fill(grads[i], largest: largestGrad)),
      ]
    } else if cut {
      list.append(("style", "dashed"))
    }
    if marked.contains(ObjectIdentifier(node)) {
      list += [("color", Self.markColor), ("fontcolor", Self.markColor), ("penwidth", "3")]
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

  /// The line of an edge into value `i` (into its op node from an
  /// operand, or from its op node into it), with the style's id and
  /// class, and red when a frame marks `i`'s step.
  /// `color`, when given, is its example's (a network's loss graph).
  /// An edge that is not `placing` does not set its ends' ranks
  /// (`constraint=false`).
  private func edge(
    _ from: String, _ to: String, into i: Int, id: String, class name: String, color: String? = nil,
    placing: Bool = true
  ) -> String {
    var list = style.svgIDsAndClasses ? [("id", id), ("class", name)] : []
    if let color { list.append(("color", color)) }
    if !placing { list.append(("constraint", "false")) }
    if marks?.node == i { list += StepMarks.edge }
    return "\t\(from) -> \(to)" + (list.isEmpty ? "" : " " + attributes(list))
  }

  /// Whether the ranks run across the drawing (left to right or right to
  /// left), so that a rank is a column.
  private var ranksAcross: Bool { rankdir == .leftToRight || rankdir == .rightToLeft }

  // MARK: - Clusters

  /// Where a box's label goes: at the top, centred, when the ranks run
  /// across (edges come in from the side); at the bottom left when they
  /// run down, where edges come in at the top, all along it, and leave
  /// from the bottom under each column: there no edge runs through it.
  private var labelPlace: [(String, String)] {
    ranksAcross ? [] : [("labelloc", "b"), ("labeljust", "l")]
  }

  /// The clusters of a network's graph: its inputs (`inputs`, and inside
  /// it `example 1`, ... when there are several examples); a cluster per
  /// layer, holding a cluster per neuron, which holds the neuron's drawn
  /// values and their op nodes: `layer 1`, `layer 1 · neuron 2`, numbered
  /// from 1; then, for several examples, what each adds after the
  /// network (its target and loss term): `example 1 · loss`.
  private func clusters(_ examples: NetworkExamples?) -> [String] {
    var lines: [String] = []
    if let examples {
      lines += inputClusters(examples)
    }
    var layer: Int?
    for neuron in drawn.neurons {
      let members = neuron.members.filter { drawn.isDrawn[$0] }
      guard !members.isEmpty else { continue }
      let l = neuron.layer + 1
      let n = neuron.neuron + 1
      if layer != neuron.layer {
        if layer != nil { lines.append("\t}") }
        layer = neuron.layer
        var list = [("label", "layer \(l)")] + labelPlace + [("style", "dashed"), ("color", "#969696")]
        if style.svgIDsAndClasses { list += [("id", "layer\(l)"), ("class", "layer")] }
        lines += ["\tsubgraph cluster_layer\(l) {", "\t\tgraph " + attributes(list)]
      }
      if case .example = drawn.view {
        // One example's path: a box per layer is enough, its values'
        // names say the neuron, and the slide keeps the height.
        for i in members {
          lines.append("\t\tv\(i)")
          if drawn.hasOpNode(i) { lines.append("\t\tv\(i)_op") }
        }
        continue
      }
      var list = [("label", "layer \(l) · neuron \(n)")] + labelPlace + [("style", "solid"), ("color", "#bdbdbd")]
      if style.svgIDsAndClasses { list += [("id", "layer\(l)_neuron\(n)"), ("class", "neuron")] }
      lines += ["\t\tsubgraph cluster_layer\(l)_neuron\(n) {", "\t\t\tgraph " + attributes(list)]
      for i in members {
        lines.append("\t\t\tv\(i)")
        if drawn.hasOpNode(i) { lines.append("\t\t\tv\(i)_op") }
      }
      lines.append("\t\t}")
    }
    if layer != nil { lines.append("\t}") }
    if let examples, examples.inputs.count > 1 {
      lines += lossClusters(examples)
    }
    return lines
  }

  /// The network's inputs, in a box of their own; with several examples,
  /// a box per example inside it, in the example's colour.
  private func inputClusters(_ examples: NetworkExamples) -> [String] {
    let inputs = examples.inputs.map { $0.filter { drawn.isDrawn[$0] } }
    guard inputs.contains(where: { !$0.isEmpty }) else { return [] }
    var list = [("label", "inputs")] + labelPlace + [("style", "dashed"), ("color", "#969696")]
    if style.svgIDsAndClasses { list += [("id", "inputs"), ("class", "inputs")] }
    var lines = ["\tsubgraph cluster_inputs {", "\t\tgraph " + attributes(list)]
    if inputs.count == 1 {
      lines += inputs[0].map { "\t\tv\($0)" }
    } else {
      for (k, members) in inputs.enumerated() where !members.isEmpty {
        let color = NetworkExamples.color(k)
        var list = [("label", "example \(k + 1)")] + labelPlace + [("color", color), ("fontcolor", color)]
        if style.svgIDsAndClasses { list += [("id", "inputs_example\(k + 1)"), ("class", "example")] }
        lines += ["\t\tsubgraph cluster_inputs_example\(k + 1) {", "\t\t\tgraph " + attributes(list)]
        lines += members.map { "\t\t\tv\($0)" }
        lines.append("\t\t}")
      }
    }
    lines.append("\t}")
    return lines
  }

  /// For several examples: what each example's path adds after the
  /// network (its target, its error and its square), in a box of the
  /// example's colour.
  private func lossClusters(_ examples: NetworkExamples) -> [String] {
    var inNetwork = [Bool](repeating: false, count: graph.nodes.count)
    for neuron in drawn.neurons {
      for i in neuron.members { inNetwork[i] = true }
    }
    for list in examples.inputs {
      for i in list { inNetwork[i] = true }
    }
    var lines: [String] = []
    for k in examples.inputs.indices {
      let members = graph.nodes.indices.filter {
        drawn.isDrawn[$0] && !inNetwork[$0] && examples.example[$0] == k
      }
      guard !members.isEmpty else { continue }
      let color = NetworkExamples.color(k)
      var list = [("label", "example \(k + 1) · loss")] + labelPlace + [("color", color), ("fontcolor", color)]
      if style.svgIDsAndClasses { list += [("id", "loss_example\(k + 1)"), ("class", "example")] }
      lines += ["\tsubgraph cluster_loss_example\(k + 1) {", "\t\tgraph " + attributes(list)]
      for i in members {
        lines.append("\t\tv\(i)")
        if drawn.hasOpNode(i) { lines.append("\t\tv\(i)_op") }
      }
      lines.append("\t}")
    }
    return lines
  }

  /// Each neuron's parameters in the network's order, `w₁ … wₙ` then `b`,
  /// each when it is drawn.
  private func parametersInOrder(_ neuron: NeuronNodes) -> [Int] {
    (neuron.weights + [neuron.bias]).compactMap { $0 }.filter { drawn.isDrawn[$0] }
  }

  /// The lines that name each neuron's parameters, in the network's
  /// order, before any node is written: `dot` meets nodes in the order
  /// they are first named, and starts each rank's order from it (see
  /// ``order(_:)``).
  private func declarationOrder() -> [String] {
    drawn.neurons.map(parametersInOrder).filter { !$0.isEmpty }.map {
      "\t" + $0.map { "v\($0)" }.joined(separator: " ")
    }
  }

  /// What keeps a network's drawing in the network's order: layers side by
  /// side from left to right, the neurons of a layer from top to bottom,
  /// and each neuron's parameters from top to bottom as `w₁ … wₙ, b`.
  ///
  /// - The inputs (every example's) on one rank (a column, as `rankdir=LR`
  ///   draws ranks), each layer's parameters on one rank, and each layer's
  ///   outputs on one rank.
  /// - An invisible edge into each weight `wᵢ` from the input `xᵢ` it
  ///   multiplies, in every example: the network's inputs for layer 1,
  ///   the outputs of the layer before for the others. Their weight (5)
  ///   keeps each layer level with the one before; with weight 1, the
  ///   loss graph's layers climbed, each above the last. So a layer's
  ///   parameters come after every output of the layer before, and its box
  ///   starts where the last one ends: the layers stand side by side.
  ///   (Edges from one output only let `dot` start a layer inside the one
  ///   before, and stack it below: a staircase.)
  /// - The same edges order each neuron's parameters: `dot` orders a
  ///   rank by the median place of each node's neighbours in the rank
  ///   before, so `wᵢ` follows `xᵢ`, top to bottom. `b` comes from the
  ///   last input, and the last weight from the last two, so that `b` is
  ///   the lowest. Ties are broken by the order in which the nodes were
  ///   named, which ``declarationOrder()`` sets.
  ///
  /// - A bias's own edges, into the first sum of each call of its neuron
  ///   (`b + w₁·x₁`), do not set ranks (`constraint=false`); its rank
  ///   comes from the edge from the last input. With them setting ranks,
  ///   `dot` drew each layer-1 bias of the four-example loss graph above
  ///   its weights. (Invisible edges `wₙ → b` within the rank, `ordering=in`
  ///   on the sums with the product's edge first, and invisible edges from
  ///   `b` to the last products did not move it.)
  ///
  /// Invisible edges within a rank, the usual way to order it, are lost by
  /// `dot` next to record nodes ("flat edge between adjacent nodes one of
  /// which has a record shape"). `mclimit` (see ``writeLines()``) keeps
  /// `dot`'s crossing reduction from undoing the order. The tests read the
  /// order back from the SVG.
  private func order(_ examples: NetworkExamples) -> [String] {
    var lines: [String] = []
    func sameRank(_ list: [Int]) {
      if list.count > 1 { lines.append("\t{ rank=same " + list.map { "v\($0)" }.joined(separator: " ") + " }") }
    }
    sameRank(examples.inputs.joined().filter { drawn.isDrawn[$0] })
    var layers: [Int] = []
    for neuron in drawn.neurons where layers.last != neuron.layer { layers.append(neuron.layer) }
    for layer in layers {
      let neurons = drawn.neurons.filter { $0.layer == layer }
      sameRank(neurons.flatMap(parametersInOrder))
      sameRank(neurons.flatMap { $0.outputs.compactMap { $0 } }.filter { drawn.isDrawn[$0] })
      for neuron in neurons {
        for inputs in neuron.inputs {
          func edge(_ k: Int, _ to: Int?) {
            guard let to, drawn.isDrawn[to], inputs.indices.contains(k), drawn.isDrawn[inputs[k]] else { return }
            lines.append("\tv\(inputs[k]) -> v\(to) [style=invis weight=5]")
          }
          for (k, weight) in neuron.weights.enumerated() {
            edge(k, weight)
            if k == neuron.weights.count - 1 && k > 0 { edge(k - 1, weight) }
          }
          edge(inputs.count - 1, neuron.bias)
        }
      }
    }
    return lines
  }

  /// For one example's path (no parameters are drawn): the example's
  /// inputs, then each neuron's nodes on the path (with their op nodes),
  /// named in the network's order before any node is written, so that
  /// `dot` meets them in that order. When the ranks run down, Graphviz
  /// 2.43 puts the first it meets of a rank on the right (it reverses a
  /// rank's first order only when the ranks run across), so the inputs
  /// and each layer's neurons are named last first.
  private func pathDeclarationOrder(_ examples: NetworkExamples) -> [String] {
    guard case .example(let k) = drawn.view else { return [] }
    // The inputs, then each layer's neurons: each a list of groups of
    // names, a group per input or neuron.
    var sections: [[[String]]] = []
    if examples.inputs.indices.contains(k - 1) {
      sections.append(examples.inputs[k - 1].filter { drawn.isDrawn[$0] }.map { ["v\($0)"] })
    }
    var layer: Int?
    for neuron in drawn.neurons where neuron.calls.indices.contains(k - 1) {
      let nodes = neuron.calls[k - 1].filter { drawn.isDrawn[$0] }
      if layer != neuron.layer { sections.append([]) }
      layer = neuron.layer
      sections[sections.count - 1].append(
        nodes.flatMap { drawn.hasOpNode($0) ? ["v\($0)_op", "v\($0)"] : ["v\($0)"] })
    }
    let names = sections.map { ranksAcross ? $0 : $0.reversed() }.joined().joined()
    return names.isEmpty ? [] : ["\t" + names.joined(separator: " ")]
  }

  /// For one example's path: its inputs on one rank, and each layer's
  /// outputs on one rank.
  private func pathOrder(_ examples: NetworkExamples) -> [String] {
    guard case .example(let k) = drawn.view else { return [] }
    var lines: [String] = []
    func sameRank(_ list: [Int]) {
      if list.count > 1 { lines.append("\t{ rank=same " + list.map { "v\($0)" }.joined(separator: " ") + " }") }
    }
    if examples.inputs.indices.contains(k - 1) { sameRank(examples.inputs[k - 1].filter { drawn.isDrawn[$0] }) }
    var layers: [Int] = []
    for neuron in drawn.neurons where layers.last != neuron.layer { layers.append(neuron.layer) }
    for layer in layers {
      sameRank(
        drawn.neurons.filter { $0.layer == layer }.compactMap { neuron in
          neuron.outputs.indices.contains(k - 1) ? neuron.outputs[k - 1] : nil
        }.filter { drawn.isDrawn[$0] })
    }
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
