import GraphRender
import Micrograd

/// The picture of a network's architecture the lecture draws beside the
/// MLP: a circle per input and per neuron, layer by layer from left to
/// right, with an edge from every unit of a layer to every neuron of the
/// next.
///
/// ```swift
/// let n = MLP(3, [4, 4, 1], using: &rng)
/// try figures.draw(NetworkDiagram(n).drawing(), "mlp-architecture")
/// ```
///
/// Graphviz draws it, so it renders to the same bytes on every run: the
/// layers are clusters (`inputs`, `layer 1`, ...), each unit a circle
/// named as the network labels it (`x1`, `L1.N2`), and the units of a
/// layer stay in order top to bottom.
public struct NetworkDiagram: Hashable, Sendable {
  /// The number of inputs, then the size of each layer.
  public let sizes: [Int]

  /// The diagram of `network`.
  public init(_ network: MLP) {
    let inputs = network.layers.first?.neurons.first?.w.count ?? 0
    sizes = [inputs] + network.layers.map(\.neurons.count)
  }

  /// The diagram as DOT text: a cluster per layer of circles, in order.
  public func dot() -> String {
    var lines = [
      "digraph MLP {",
      "\tgraph [rankdir=LR newrank=true nodesep=0.3 ranksep=1.2 fontname=Helvetica fontsize=16]",
      "\tnode [shape=circle fixedsize=true width=0.9 fontname=Helvetica fontsize=14]",
      "\tedge [arrowsize=0.6 color=\"#555555\"]",
    ]
    func name(_ layer: Int, _ unit: Int) -> String { layer == 0 ? "x\(unit + 1)" : "L\(layer)_N\(unit + 1)" }
    func text(_ layer: Int, _ unit: Int) -> String { layer == 0 ? "x\(unit + 1)" : "L\(layer).N\(unit + 1)" }
    for (layer, size) in sizes.enumerated() {
      let label =
        layer == 0 ? "inputs" : layer == sizes.count - 1 ? "layer \(layer) (output)" : "layer \(layer)"
      lines += ["\tsubgraph cluster_\(layer) {", "\t\tgraph [label=\"\(label)\" style=dashed color=\"#969696\"]"]
      for unit in 0..<size {
        let fill = layer == 0 ? "#deebf7" : "#fdd0a2"
        lines.append("\t\t\(name(layer, unit)) [label=\"\(text(layer, unit))\" style=filled fillcolor=\"\(fill)\"]")
      }
      lines.append("\t}")
      if size > 1 {
        let units = (0..<size).map { name(layer, $0) }
        lines.append("\t{ rank=same " + units.joined(separator: " ") + " }")
      }
    }
    for layer in 1..<max(sizes.count, 1) {
      for from in 0..<sizes[layer - 1] {
        for to in 0..<sizes[layer] {
          lines.append("\t\(name(layer - 1, from)) -> \(name(layer, to))")
        }
      }
    }
    // Keep the units in order, top to bottom. Every order of two layers
    // joined unit to unit crosses as many edges, so `dot` would pick one
    // (x3, x1, x2); a second, invisible edge from each unit to the unit
    // of the next layer at the same height, and into each unit from the
    // one at its height in the layer before, makes the order top to
    // bottom the one with the fewest crossings. (Invisible edges within a
    // layer do not hold: `dot` drew x3, x1, x2 with them too.)
    for layer in 1..<max(sizes.count, 1) {
      let (before, after) = (sizes[layer - 1], sizes[layer])
      func across(_ unit: Int, _ count: Int, _ other: Int) -> Int {
        count > 1 ? Int((Double(unit * (other - 1)) / Double(count - 1)).rounded()) : 0
      }
      for from in 0..<before {
        lines.append("\t\(name(layer - 1, from)) -> \(name(layer, across(from, before, after))) [style=invis]")
      }
      for to in 0..<after {
        lines.append("\t\(name(layer - 1, across(to, after, before))) -> \(name(layer, to)) [style=invis]")
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The diagram as a drawing, for GraphRender to render and write, or
  /// for Figures' `FigureWriter.draw(_:_:)`.
  ///
  /// - Throws: A `GraphRenderError` if Graphviz cannot read the text.
  public func drawing() throws -> Drawing {
    try Drawing(dot: dot())
  }
}
