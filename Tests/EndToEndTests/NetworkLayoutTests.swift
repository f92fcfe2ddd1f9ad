import Foundation
import Testing

/// How the committed network figures (output/) are laid out, read from
/// the positions in their SVG: layers side by side in order, neurons in
/// order top to bottom, each neuron's parameters as `w1 … wn, b`, and no
/// edge through a box's label.
@Suite struct NetworkLayoutTests {
  static func layout(_ file: String) throws -> DrawnLayout {
    DrawnLayout(svg: try ReadableFiguresTests.read(file))
  }

  /// `boxes`, each wholly to the right of the one before (their x ranges
  /// in order, not overlapping) and beside it (their y ranges overlap):
  /// side by side, not a staircase.
  static func sideBySide(_ boxes: [(String, DrawnLayout.Box)], in file: String) {
    for (a, b) in zip(boxes, boxes.dropFirst()) {
      #expect(a.1.maxX < b.1.minX, "\(file): \(b.0) starts at x = \(b.1.minX), inside \(a.0) (to \(a.1.maxX))")
      let overlap = min(a.1.maxY, b.1.maxY) - max(a.1.minY, b.1.minY)
      #expect(
        overlap > 0,
        "\(file): \(b.0) (y \(b.1.minY)…\(b.1.maxY)) is not beside \(a.0) (y \(a.1.minY)…\(a.1.maxY))")
    }
  }

  /// The nodes whose first texts are `texts`, each below the one before
  /// (or, `across`, each to the right of it).
  static func topToBottom(_ texts: [String], in layout: DrawnLayout, _ file: String, across: Bool = false) throws {
    let places = try texts.map { text in
      let box = try #require(layout.node(text), "\(file): no node \(text)").box
      return across ? box.midX : box.midY
    }
    #expect(Set(places).count == texts.count, "\(file): \(texts) share a place")
    let drawn = zip(places, texts).sorted { $0.0 < $1.0 }.map(\.1)
    #expect(drawn == texts, "\(file): from the \(across ? "left" : "top"): \(drawn)")
  }

  /// Each neuron's parameters, top to bottom: `w1 … wn`, then `b`.
  static func parametersInOrder(
    _ layout: DrawnLayout, _ file: String, layers: [(Int, neurons: Int, weights: Int)]
  ) throws {
    for (layer, neurons, weights) in layers {
      for n in 1...neurons {
        let names = (1...weights).map { "L\(layer).N\(n).w\($0)" } + ["L\(layer).N\(n).b"]
        try topToBottom(names, in: layout, file)
      }
    }
  }

  @Test(arguments: ["mlp-forward.svg", "mlp-forward-folded.svg", "mlp-loss.svg", "mlp-loss-folded.svg"])
  func theLayersStandSideBySideWithNeuronsParametersAndInputsInOrder(_ file: String) throws {
    let layout = try Self.layout(file)
    let names = ["cluster_inputs"] + (1...3).map { "cluster_layer\($0)" }
    let boxes = try names.map { name in (name, try #require(layout.clusters[name], "\(file): no \(name)").box) }
    Self.sideBySide(boxes, in: file)
    for (layer, count) in [(1, 4), (2, 4)] {
      let neurons = try (1...count).map { n in
        let name = "cluster_layer\(layer)_neuron\(n)"
        return (name, try #require(layout.clusters[name], "\(file): no \(name)").box)
      }
      for (a, b) in zip(neurons, neurons.dropFirst()) {
        #expect(a.1.maxY <= b.1.minY, "\(file): \(b.0) is not below \(a.0)")
      }
    }
    // The bias too in the whole loss graph, where each layer-1 bias feeds
    // the first sums of four examples (dot once drew it above the weights).
    try Self.parametersInOrder(layout, file, layers: [(1, 4, 3), (2, 4, 4), (3, 1, 4)])
    if file.hasPrefix("mlp-loss") {
      for k in 1...4 { try Self.topToBottom((1...3).map { "x\($0)[\(k)]" }, in: layout, file) }
    } else {
      try Self.topToBottom(["x1", "x2", "x3"], in: layout, file)
    }
  }

  /// The slide of layer 1: its neurons and their parameters in order.
  @Test func theLayerViewHasItsNeuronsAndParametersInOrder() throws {
    let file = "mlp-layer-folded.svg"
    let layout = try Self.layout(file)
    try Self.parametersInOrder(layout, file, layers: [(1, 4, 3)])
    try Self.topToBottom((1...4).map { "L1.N\($0).o" }, in: layout, file)
    try Self.topToBottom(["x1", "x2", "x3"], in: layout, file)
  }

  /// One example's path, drawn top to bottom: its inputs and each layer's
  /// neurons from left to right, and the layers one below the other.
  @Test func theExamplesPathHasItsInputsAndNeuronsInOrder() throws {
    let file = "mlp-example-folded.svg"
    let layout = try Self.layout(file)
    try Self.topToBottom((1...3).map { "x\($0)[3]" }, in: layout, file, across: true)
    for layer in 1...2 {
      try Self.topToBottom((1...4).map { "L\(layer).N\($0).o[3]" }, in: layout, file, across: true)
    }
    let boxes = try ["cluster_inputs", "cluster_layer1", "cluster_layer2", "cluster_layer3"].map { name in
      try #require(layout.clusters[name], "\(file): no \(name)").box
    }
    for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.maxY < b.minY, "\(file): a box is not below the last") }
  }

  @Test func theArchitectureHasItsLayersSideBySideAndItsUnitsInOrder() throws {
    let file = "mlp-architecture.svg"
    let layout = try Self.layout(file)
    let boxes = try (0...3).map { l in
      ("cluster_\(l)", try #require(layout.clusters["cluster_\(l)"], "\(file): no cluster_\(l)").box)
    }
    Self.sideBySide(boxes, in: file)
    try Self.topToBottom(["x1", "x2", "x3"], in: layout, file)
    for layer in 1...2 { try Self.topToBottom((1...4).map { "L\(layer).N\($0)" }, in: layout, file) }
  }

  /// No edge of any committed SVG passes through the label of a box
  /// (a layer, a neuron, the inputs, an example): sampled along each
  /// edge's curve, against the label's text box.
  @Test func noEdgeRunsThroughABoxsLabel() throws {
    let files = try ReadableFiguresTests.files("svg").filter {
      try ReadableFiguresTests.read($0).contains("<title>cluster_")
    }
    #expect(files.count >= 8)
    for file in files {
      let layout = try Self.layout(file)
      #expect(!layout.clusters.isEmpty && !layout.edges.isEmpty, "\(file): no box or no edge read")
      let through = layout.edgesThroughLabels
      #expect(through.isEmpty, "\(file): \(through.count) edge(s) through a label: \(through.prefix(5))")
    }
  }

  /// The check above finds an edge through a label, and passes one that
  /// runs below it.
  @Test(arguments: [(-90.0, true), (-50.0, false)])
  func anEdgeThroughALabelIsFound(_ y: Double, _ through: Bool) {
    let svg = """
      <g id="clust1" class="cluster">
      <title>cluster_layer1</title>
      <polygon fill="none" stroke="black" points="0,-100 0,0 100,0 100,-100 0,-100"/>
      <text text-anchor="middle" x="50" y="-85" font-family="Times,serif" font-size="14.00">layer 1</text>
      </g>
      <g id="edge1" class="edge">
      <title>a&#45;&gt;b</title>
      <path fill="none" stroke="black" d="M-50,\(y)C0,\(y) 50,\(y) 150,\(y)"/>
      </g>
      """
    let layout = DrawnLayout(svg: svg)
    #expect(layout.clusters["cluster_layer1"]?.label?.text == "layer 1")
    #expect(layout.edgesThroughLabels == (through ? ["a->b through \"layer 1\""] : []))
  }
}
