import Foundation
import Micrograd
import SnapshotTesting
import Synchronization
import TestSupport
import Testing

@testable import GraphRender

/// Which nodes belong to which neuron (`clusters:`), and folded weighted
/// sums (`folded:`), on networks of several shapes and on graphs that are
/// not networks.
@Suite struct NeuronTests {
  /// A network's shape: inputs, layer sizes, activations.
  struct Shape: CustomTestStringConvertible, Sendable {
    let inputs: Int
    let layers: [Int]
    let activation: Activation
    let output: Activation?
    var testDescription: String { "MLP(\(inputs), \(layers)) \(activation)/\(output ?? activation)" }
  }

  static let shapes = [
    Shape(inputs: 1, layers: [1], activation: .tanh, output: nil),
    Shape(inputs: 3, layers: [4, 4, 1], activation: .tanh, output: nil),
    Shape(inputs: 2, layers: [3, 1], activation: .relu, output: .linear),
    Shape(inputs: 2, layers: [3, 1], activation: .relu, output: nil),
    Shape(inputs: 5, layers: [2, 3, 2], activation: .sigmoid, output: .tanh),
  ]

  /// What `Neuron.callAsFunction` makes, made here step by step and
  /// recorded: the products, the running sums and the activation of
  /// every call, neuron by neuron. The network's own calls are checked
  /// to give the same numbers.
  struct RecordedForward {
    var made: [[Set<ObjectIdentifier>]]  // [layer][neuron]: the nodes its calls made
    var sums: [[[ObjectIdentifier]]]  // [layer][neuron]: each call's last sum
    var outputs: [[Value]] = []  // per example

    init(_ n: MLP, _ examples: [[Value]]) {
      made = n.layers.map { $0.neurons.map { _ in [] } }
      sums = n.layers.map { $0.neurons.map { _ in [] } }
      for example in examples {
        var x = example
        for (l, layer) in n.layers.enumerated() {
          x = layer.neurons.enumerated().map { j, neuron in
            var act = neuron.b
            for (w, xi) in zip(neuron.w, x) {
              let product = w * xi
              act = act + product
              made[l][j].formUnion([ObjectIdentifier(product), ObjectIdentifier(act)])
            }
            if !neuron.w.isEmpty { sums[l][j].append(ObjectIdentifier(act)) }
            let out = neuron.activation(act)
            if out !== act { made[l][j].insert(ObjectIdentifier(out)) }
            return out
          }
        }
        outputs.append(x)
      }
    }
  }

  static func network(_ shape: Shape, seed: UInt64 = 7) -> MLP {
    var rng = SplitMix64(seed: seed)
    return MLP(shape.inputs, shape.layers, activation: shape.activation, outputActivation: shape.output, using: &rng)
  }

  /// Two examples, the second sharing the first's first input; the loss
  /// of every output against 0.5.
  static func examples(_ shape: Shape) -> [[Value]] {
    let first = (0..<shape.inputs).map { Value(Double($0) - 1.5) }
    let second = [first[0]] + (1..<shape.inputs).map { Value(Double($0) * 0.5) }
    return [first, second]
  }

  @Test(arguments: shapes)
  func everyNeuronsNodesAreFound(_ shape: Shape) throws {
    let n = Self.network(shape)
    let inputs = Self.examples(shape)
    let recorded = RecordedForward(n, inputs)
    let real = inputs.map { n($0) }
    #expect(recorded.outputs.map { $0.map(\.data) } == real.map { $0.map(\.data) })
    let outputs = recorded.outputs.flatMap { $0 }
    let loss = sumSquaredError(outputs, outputs.map { _ in 0.5 })
    let t = trace(loss)
    let neurons = t.neurons(of: n)
    #expect(
      neurons.map { [$0.layer, $0.neuron] }
        == n.layers.indices.flatMap { l in n.layers[l].neurons.indices.map { [l, $0] } })
    var owner: [ObjectIdentifier: Int] = [:]
    for (k, found) in neurons.enumerated() {
      let neuron = n.layers[found.layer].neurons[found.neuron]
      let expected = recorded.made[found.layer][found.neuron].union(neuron.parameters().map(ObjectIdentifier.init))
      // As indices into the trace, in trace order.
      let expectedIndices = t.nodes.indices.filter { expected.contains(ObjectIdentifier(t.nodes[$0])) }
      #expect(found.members == expectedIndices, "layer \(found.layer) neuron \(found.neuron)")
      let members = found.members.map { ObjectIdentifier(t.nodes[$0]) }
      #expect(found.sums.map { ObjectIdentifier(t.nodes[$0]) } == recorded.sums[found.layer][found.neuron])
      for member in members { owner[member] = k }
    }
    // The inputs, shared or not, and the loss belong to no neuron.
    for input in Set(inputs.flatMap { $0 }) { #expect(owner[ObjectIdentifier(input)] == nil) }
    #expect(owner[ObjectIdentifier(loss)] == nil)
    let inNoNeuron = t.nodes.filter { owner[ObjectIdentifier($0)] == nil }.count
    // The inputs (the second example shares one), and per output: a leaf
    // target, a +, a **2; then the chain of sums.
    #expect(inNoNeuron == 2 * shape.inputs - 1 + 3 * outputs.count + outputs.count - 1)
  }

  @Test(arguments: shapes)
  func foldingLeavesOneValuePerNeuronCall(_ shape: Shape) throws {
    let n = Self.network(shape)
    let inputs = Self.examples(shape)
    let outputs = inputs.flatMap { n($0) }
    let loss = sumSquaredError(outputs, outputs.map { _ in 0.5 })
    let plain = try drawDot(loss)
    let folded = try drawDot(loss, options: .init(clusters: n, folded: true))
    // Each call of a neuron with k inputs: 2k values (k products, k sums)
    // become one, so 4k nodes become 2; and 6k edges (three per product
    // and per sum: its operands and its op's) become 2k + 1 into the
    // fold's op and one out of it.
    let calls = n.layers.map { layer in layer.neurons.map { $0.w.count } }.flatMap { $0 }
    let hiddenNodes = calls.map { 4 * $0 - 2 }.reduce(0, +) * inputs.count
    let hiddenEdges = calls.map { 6 * $0 - (2 * $0 + 2) }.reduce(0, +) * inputs.count
    #expect(folded.nodeCount == plain.nodeCount - hiddenNodes)
    #expect(folded.edgeCount == plain.edgeCount - hiddenEdges)
    #expect(folded.dot.components(separatedBy: "[label=\"Σ w·x + b\"]").count - 1 == calls.count * inputs.count)
    #expect(!folded.dot.contains("[label=\"*\"]"))
    #expect(folded.layoutSize < plain.layoutSize)
    // Graphviz also counts the invisible edges that keep the layers in
    // order, which the drawing's edgeCount does not.
    let parsed = try Graphviz.count(folded.dot)
    let invisible = folded.dot.components(separatedBy: "[style=invis").count - 1
    #expect(parsed.nodes == folded.nodeCount && parsed.edges == folded.edgeCount + invisible)
    // From the graph alone, a neuron is an activation of a weighted sum:
    // the same folds, but for a linear output layer's.
    let byGraph = try drawDot(loss, options: .init(folded: true))
    let linear = shape.output == .linear ? shape.layers.last! * inputs.count : 0
    #expect(byGraph.dot.components(separatedBy: "Σ w·x + b").count - 1 == calls.count * inputs.count - linear)
  }

  /// The op node of a fold is drawn from the bias, then each weight and
  /// its input, in the neuron's order; a shared input draws one edge per
  /// use. The bias's edge does not set ranks (`constraint=false`: its
  /// layer's parameters share a rank, placed by the inputs).
  @Test func foldIsDrawnFromBiasWeightsAndInputsInOrder() throws {
    let n = Self.network(Shape(inputs: 3, layers: [1], activation: .tanh, output: nil))
    let x = Value(2, label: "x")
    let out = n([x, x, x])[0]
    let drawing = try drawDot(out, options: .init(clusters: n, folded: true))
    let t = trace(out)
    let neuron = n.layers[0].neurons[0]
    let sum = t.nodes.firstIndex { $0 === out.operands[0] }!
    let name = { (v: Value) in "v\(t.nodes.firstIndex { $0 === v }!)" }
    let expected =
      ["\t\(name(neuron.b)) -> v\(sum)_op [constraint=false]"]
      + [neuron.w[0], x, neuron.w[1], x, neuron.w[2], x].map { "\t\(name($0)) -> v\(sum)_op" }
    let edges = drawing.dot.split(separator: "\n").map(String.init).filter { $0.contains(" -> v\(sum)_op") }
    #expect(edges == expected)
    #expect(drawing.dot.contains("\tv\(sum)_op [label=\"Σ w·x + b\"]"))
    // x is no neuron's: it is drawn outside the cluster.
    let cluster = try #require(drawing.dot.range(of: "subgraph cluster_layer1_neuron1"))
    #expect(!drawing.dot[cluster.lowerBound...].contains("\t\(name(x))\n"))
  }

  @Test func clusterLabelsNumberLayersAndNeuronsFromOne() throws {
    let n = Self.network(Shape(inputs: 2, layers: [3, 1], activation: .relu, output: .linear))
    let out = n([1.0, -2.0])[0]
    out.backward()
    let drawing = try drawDot(out, options: .init(clusters: n))
    assertSnapshot(of: drawing.dot, as: .lines, named: "mlp-2-3-1-clusters")
    assertSnapshot(
      of: try drawDot(out, options: .init(clusters: n, folded: true)).dot, as: .lines, named: "mlp-2-3-1-folded")
    let teaching = try drawDot(
      out, options: .init(style: .teaching, parameters: n.parameters(), clusters: n, folded: true))
    assertSnapshot(of: teaching.dot, as: .lines, named: "mlp-2-3-1-folded-teaching")
    // The same drawing, made again, is the same bytes; and it renders.
    #expect(try drawDot(out, options: .init(clusters: n)).dot == drawing.dot)
    let svg = try drawing.svg()
    for label in ["layer 1", "layer 1 · neuron 1", "layer 1 · neuron 3", "layer 2", "layer 2 · neuron 1"] {
      #expect(svg.contains(">\(label)</text>"), "\(label)")
    }
    #expect(!svg.contains(">layer 1 · neuron 4</text>"))
  }

  /// Graphviz lays clusters out, and SVG lists them, in the order the DOT
  /// text gives them, render after render: not in the order of the heap
  /// addresses of their names, as Graphviz before 9 would.
  @Test func clustersComeInTheTextsOrderEveryTime() throws {
    let n = Self.network(Shape(inputs: 3, layers: [4, 4, 1], activation: .tanh, output: nil))
    let drawing = try drawDot(n([2.0, 3.0, -1.0])[0], options: .init(clusters: n))
    let declared = drawing.dot.split(separator: "\n").compactMap { line -> String? in
      let text = line.trimmingCharacters(in: .whitespaces)
      guard text.hasPrefix("subgraph cluster_") else { return nil }
      return String(text.dropFirst("subgraph ".count).dropLast(2))
    }
    #expect(declared.count == 13)  // the inputs', 3 layers', 9 neurons'
    var first: String?
    for round in 0..<4 {
      let svg = try drawing.svg()
      let titles = svg.components(separatedBy: "class=\"cluster\">\n<title>").dropFirst()
        .map { String($0.prefix { $0 != "<" }) }
      #expect(titles == declared, "round \(round)")
      #expect(first == nil || svg == first, "round \(round)")
      first = first ?? svg
      // Other graphs in between, whose names come and go on the heap.
      for k in 0..<20 {
        _ = try Drawing(dot: "digraph g\(k) { subgraph cluster_z\(k) { a\(k) } subgraph cluster_a\(k) { b\(k) } }")
          .svg()
      }
    }
  }

  /// Only the neurons with nodes in the graph are drawn: a graph of the
  /// first layer's second neuron has one cluster in one layer (and the
  /// inputs' box).
  @Test func onlyNeuronsInTheGraphGetAClusterAndAWholeNetworkNeedNotBeThere() throws {
    let n = Self.network(Shape(inputs: 3, layers: [4, 4, 1], activation: .tanh, output: nil))
    let out = n.layers[0]([1.0, 2.0, 3.0].map { Value($0) })[1]
    let dot = try drawDot(out, options: .init(clusters: n)).dot
    // The inputs' box, the layer's and the neuron's.
    #expect(dot.components(separatedBy: "subgraph cluster_").count - 1 == 3)
    #expect(dot.contains("subgraph cluster_layer1_neuron2 {"))
  }

  @Test func graphWithoutTheNetworkIsRefused() throws {
    let n = Self.network(Shape(inputs: 3, layers: [4, 4, 1], activation: .tanh, output: nil))
    let message =
      "clusters: no weight or bias of the network MLP(3, [4, 4, 1]) is in the graph; "
      + "pass the network that computed it"
    #expect(throws: GraphRenderError.invalidOption(message)) {
      try drawDot(LectureGraphs.expression(), options: .init(clusters: n))
    }
    // Another network of the same shape and weights did not make it.
    let twin = Self.network(Shape(inputs: 3, layers: [4, 4, 1], activation: .tanh, output: nil))
    let out = n([2.0, 3.0, -1.0])[0]
    #expect(throws: GraphRenderError.invalidOption(message)) { try drawDot(out, options: .init(clusters: twin)) }
    #expect(throws: GraphRenderError.invalidOption(message)) {
      try drawDot(out, options: .init(clusters: twin, folded: true))
    }
  }

  @Test func graphWithNoNeuronHasNothingToFold() throws {
    let message =
      "folded: the graph has no neuron to fold: no activation (tanh, ReLU, sigmoid) "
      + "of a sum of unlabelled products w*x used once, plus at most one other term"
    // The expression (e = a*b is named, and no activation), the lecture's
    // neuron (every step named), a - b (a + b * -1, no activation).
    let a = Value(1, label: "a")
    let b = Value(2, label: "b")
    for root in [LectureGraphs.expression(), LectureGraphs.neuron().o, a - b, (a * b).tanh()] {
      #expect(throws: GraphRenderError.invalidOption(message)) { try drawDot(root, options: .init(folded: true)) }
    }
    // A network whose neurons have no inputs computes no weighted sum.
    var rng = SplitMix64(seed: 1)
    let empty = MLP(0, [2], using: &rng)
    let out = empty([Value]())[1]
    #expect(try drawDot(out, options: .init(clusters: empty)).dot.contains("cluster_layer1_neuron2"))
    #expect(
      throws: GraphRenderError.invalidOption(
        "folded: no neuron of the network MLP(0, [2]) computes a weighted sum in the graph")
    ) {
      try drawDot(out, options: .init(clusters: empty, folded: true))
    }
  }

  /// From the graph alone: `tanh(x1*w1 + x2*w2 + b)` unnamed inside
  /// folds; a product or sum that is named, or used twice, stays drawn.
  @Test func graphAloneFoldsUnnamedOnceUsedSteps() throws {
    let x1 = Value(2, label: "x1")
    let x2 = Value(0, label: "x2")
    let w1 = Value(-3, label: "w1")
    let w2 = Value(1, label: "w2")
    let b = Value(6.8813735870195432, label: "b")
    let o = (x1 * w1 + x2 * w2 + b).tanh()
    o.label = "o"
    let folded = try drawDot(o, options: .init(folded: true))
    assertSnapshot(of: folded.dot, as: .lines, named: "neuron-folded")
    #expect(folded.nodeCount == 5 + 4)
    // x2*w2 named: it stays, as the fold's other term; x1*w1 folds.
    let named = x2 * w2
    named.label = "x2*w2"
    let o2 = (x1 * w1 + named).tanh()
    let dot = try drawDot(o2, options: .init(folded: true)).dot
    #expect(dot.contains("[label=\"Σ w·x + b\"]") && dot.contains("{ x2*w2 |"))
    // Used twice: p feeds the sum and the output, so it stays drawn and
    // the sum has two other terms: not a neuron.
    let p = x1 * w1
    let twice = (p + x2 * w2 + b).tanh() * p
    #expect(throws: GraphRenderError.self) { try drawDot(twice, options: .init(folded: true)) }
  }

  /// A neuron of 30,000 inputs is found and folded without recursion: on
  /// a thread with a 512 KB stack, which a recursive walk down its chain
  /// of 60,000 products and sums would overflow.
  @Test func wideNeuronFoldsWithoutRecursion() throws {
    let counts = Mutex<(members: Int, drawn: Int)?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var rng = SplitMix64(seed: 3)
      let n = MLP(30_000, [1], using: &rng)
      let out = n((0..<30_000).map { Double($0 % 7) })[0]
      let members = trace(out).neurons(of: n).first?.members.count ?? 0
      let drawn = (try? drawDot(out, options: .init(clusters: n, folded: true)))?.nodeCount ?? 0
      counts.withLock { $0 = (members, drawn) }
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    let found = try #require(counts.withLock { $0 })
    #expect(found.members == 30_001 + 60_000 + 1)
    #expect(found.drawn == 60_001 + 4)
  }
}
