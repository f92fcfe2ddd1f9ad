import Foundation
import Testing

/// What a reader sees of the committed figures (output/): text large
/// enough on a slide, every value named, and the numbers of the notes'
/// figures. (The network's layout: NetworkLayoutTests.)
@Suite struct ReadableFiguresTests {
  /// The four whole-network graphs: for zooming into (their pages), the
  /// only figures allowed to be small on a slide.
  static let wholeNetworks: Set<String> = [
    "mlp-forward.svg", "mlp-loss.svg", "mlp-forward-folded.svg", "mlp-loss-folded.svg",
  ]

  static func files(_ ext: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: outputFolder.path).filter { $0.hasSuffix(".\(ext)") }.sorted()
  }

  static func read(_ file: String) throws -> String {
    try String(contentsOf: outputFolder.appendingPathComponent(file), encoding: .utf8)
  }

  /// The smallest text of an SVG, in pixels, when it is fit to a
  /// 1920×1080 slide: its smallest `font-size` (times its outer group's
  /// `scale`, which Graphviz writes) times min(1920 / width, 1080 /
  /// height), width and height those of its `viewBox`.
  static func smallestText(_ svg: String) -> Double? {
    guard let box = svg.firstMatch(of: /<svg[^>]*viewBox="([-0-9. ]+)"/) else { return nil }
    let numbers = box.1.split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
    var scale = 1.0
    if let group = svg.firstMatch(of: #/<g id="graph0"[^>]*transform="scale\(([0-9.]+) /#) {
      scale = Double(group.1) ?? 1
    }
    let sizes = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
    guard let smallest = sizes.min() else { return nil }
    return smallest * scale * min(1920 / numbers[2], 1080 / numbers[3])
  }

  @Test func everyFigureButTheWholeNetworksHasTextOfAtLeast12PixelsOnASlide() throws {
    let svgs = try Self.files("svg")
    #expect(svgs.count > 30)
    var checked = 0
    for file in svgs where !Self.wholeNetworks.contains(file) {
      let size = try #require(Self.smallestText(try Self.read(file)), "\(file): no text or no viewBox")
      #expect(size >= 12, "\(file): smallest text \(size) px on a 1920×1080 slide")
      checked += 1
    }
    // The slide-sized views of the network are among them.
    for view in ["mlp-neuron.svg", "mlp-layer-folded.svg", "mlp-example-folded.svg", "mlp-loss-neuron.svg"] {
      #expect(svgs.contains(view), "\(view) is missing")
    }
    #expect(checked == svgs.count - Self.wholeNetworks.count)
  }

  @Test func theWholeNetworksAreStillSmallSoTheTestMeasuresSomething() throws {
    let size = try #require(Self.smallestText(try Self.read("mlp-loss.svg")))
    #expect(size < 12)
  }

  /// Every value record (`shape=record`) of every mlp-*.dot has a label
  /// field before its data: at least 95%.
  @Test func atLeast95PercentOfTheValuesOfEveryMLPFigureAreLabelled() throws {
    let dots = try Self.files("dot").filter { $0.hasPrefix("mlp-") && $0 != "mlp-architecture.dot" }
    #expect(dots.count >= 8)
    for file in dots {
      let records = try Self.read(file).split(separator: "\n").filter { $0.contains("shape=record") }
      let labelled = records.filter { !$0.contains("label=\"{ data ") && !$0.contains("label=\"data ") }
      #expect(!records.isEmpty, "\(file)")
      let share = Double(labelled.count) / Double(max(records.count, 1))
      #expect(share >= 0.95, "\(file): \(labelled.count) of \(records.count) values labelled")
    }
  }

  @Test func theLossGraphMarksEachExamplesPath() throws {
    let dot = try Self.read("mlp-loss.dot")
    for k in 1...4 {
      #expect(dot.contains("subgraph cluster_inputs_example\(k) {"))
      #expect(dot.contains("subgraph cluster_loss_example\(k) {"))
    }
    // Every edge of example 3's path is in its colour.
    #expect(dot.components(separatedBy: "color=\"#2ca02c\"").count > 50)
  }

  /// The value records of a DOT file: label, data and grad as written
  /// (`{ x1 | data 2.0000 | grad 0.0000 }` left to right, without the
  /// braces top to bottom).
  static func records(_ dot: String) -> [(label: String, data: String, grad: String)] {
    dot.matches(of: /label="(?:\{ )?(?:(#\d+) \| )?(?:([^|"]*?) \| )?data ([-0-9.]+) \| grad ([-0-9.]+)(?: \})?"/).map {
      (String($0.2 ?? ""), String($0.3), String($0.4))
    }
  }

  @Test func theNeuronBeforeTanhHasN07() throws {
    let records = Self.records(try Self.read("neuron-before-tanh.dot"))
    #expect(records.first { $0.label == "n" }?.data == "0.7000")
    #expect(records.first { $0.label == "b" }?.data == "6.7000")
    // x1, w1, x2, w2, their products, their sum, b and n.
    #expect(records.count == 9)
  }

  @Test func theNeuronBeforeBackwardHasEveryGradZero() throws {
    let records = Self.records(try Self.read("neuron-forward.dot"))
    #expect(records.count == 10)
    #expect(records.allSatisfy { $0.grad == "0.0000" })
    #expect(records.first { $0.label == "o" }?.data == "0.7071")
  }

  @Test func theNeuronWithOnlyOGradSetHasOGrad1AndEveryOtherGrad0() throws {
    let records = Self.records(try Self.read("neuron-o-grad.dot"))
    #expect(records.count == 10)
    #expect(records.filter { $0.label == "o" }.map(\.grad) == ["1.0000"])
    #expect(records.filter { $0.label != "o" }.allSatisfy { $0.grad == "0.0000" })
  }

  @Test func theTopologicalOrderNumbersEveryValueOnceAfterItsOperands() throws {
    let dot = try Self.read("neuron-topological-order.dot")
    let numbers = dot.matches(of: #/label="\{ #(\d+) \| /#).compactMap { Int($0.1) }
    #expect(numbers.sorted() == Array(1...10))
    // x1 is first, o (the root) last, as topologicalOrder() gives them.
    #expect(dot.contains("label=\"{ #10 | o | "))
    #expect(dot.contains("#1 | x1 | ") || dot.contains("#1 | w1 | ") || dot.contains("#1 | x2 | "))
  }

  @Test func theArchitectureHasACirclePerInputAndNeuronAndEveryEdgeBetweenLayers() throws {
    let dot = try Self.read("mlp-architecture.dot")
    #expect(dot.contains("node [shape=circle"))
    let units = dot.matches(of: /\t\t(x\d|L\d_N\d) \[label=/).count
    #expect(units == 3 + 4 + 4 + 1)
    let edges = dot.matches(of: /\t(x\d|L\d_N\d) -> (L\d_N\d)\n/).count
    #expect(edges == 3 * 4 + 4 * 4 + 4 * 1)
  }

  @Test func theNeuronExpFigureLabelsItsIntermediateValuesAsTheNotesDo() throws {
    let labels = Self.records(try Self.read("neuron-exp.dot")).map(\.label)
    for label in ["x1*w1", "x2*w2", "x1*w1 + x2*w2", "n", "e", "o"] {
      #expect(labels.contains(label), "neuron-exp has no \(label)")
    }
  }

  @Test func theLookAlikeFiguresDifferByTheirTitlesAndTheBugFiguresMarkTheWrongGradient() throws {
    #expect(try Self.read("chain-manual-grads.svg") != Self.read("chain-backward-steps.svg"))
    for bug in ["accumulation-b-bug.dot", "accumulation-f-bug.dot"] {
      let dot = try Self.read(bug)
      #expect(dot.contains("the bug"))
      #expect(dot.contains("color=\"#d62728\""), "\(bug) marks no value")
    }
  }

  /// The embedding's 27 letters: no label's box (as LabelledScatter
  /// sizes text, half an em a character) covers another's.
  @Test func theEmbeddingsLabelsDoNotOverlap() throws {
    let svg = try Self.read("makemore-embedding.svg")
    let points = try #require(svg.firstMatch(of: /<g class="points">([\s\S]*?)<\/g>/)).1
    let boxes = points.matches(of: /<text x="([-0-9.]+)" y="([-0-9.]+)"[^>]*font-size="([0-9.]+)"[^>]*>([^<]*)<\/text>/)
      .map { m -> (x: Double, y: Double, w: Double, h: Double) in
        let size = Double(m.3)!
        let w = Double(m.4.count) * size * 0.52
        return (Double(m.1)! - w / 2, Double(m.2)! - size * 0.8, w, size * 0.9)
      }
    #expect(boxes.count == 27)
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let (a, b) = (boxes[i], boxes[j])
        #expect(
          !(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), "labels \(i) and \(j) overlap")
      }
    }
    #expect(svg.contains("steps"))
  }
}
