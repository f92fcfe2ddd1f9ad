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
    // Keep the units in order, top to bottom, at any sizes. Between two
    // layers joined unit to unit, every order crosses as many edges, so
    // `dot` would pick one (x3, x1, x2). It counts an edge drawn k times as
    // k edges, so invisible copies of the edges between units at about the
    // same height decide. Spread both layers over one height: unit i of a
    // layer of a units at i·(b − 1), unit j of the next layer of b units at
    // j·(a − 1). The edge i → j gets `reach − distance` copies, `reach`
    // the larger spacing, so that every unit has a near one. With such a
    // triangle of weights, for any two units, their order by number
    // crosses fewer copies than the reverse (checked for every pair of
    // sizes up to 12), so `dot`'s swaps of neighbours end in the network's
    // order. (Invisible edges within a layer do not hold in clusters:
    // `dot` drew x3, x1, x2 with them. One copy for the nearest unit each
    // way left ties: [4, 6, 6, 1] came out L1.N1, N3, N2, N5, N4, N6.)
    for layer in 1..<max(sizes.count, 1) {
      let (a, b) = (sizes[layer - 1], sizes[layer])
      let reach = max(a - 1, b - 1, 1)
      for from in 0..<a {
        for to in 0..<b {
          let copies = reach - abs(to * (a - 1) - from * (b - 1))
          for _ in 0..<max(copies, 0) {
            lines.append("\t\(name(layer - 1, from)) -> \(name(layer, to)) [style=invis]")
          }
        }
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
