/// Which part of a network's graph a drawing shows: all of it, or a part
/// that fits on a slide.
///
/// The loss of the lecture's `MLP(3, [4, 4, 1])` on four examples is 360
/// values: drawn whole, its text is a few pixels high on a 1920×1080
/// slide, and it is for zooming into (its HTML page). A view draws one
/// neuron, one layer or one example's path, large:
///
/// ```swift
/// let neuron = try drawDot(loss, clusters: n, view: .neuron(layer: 1, neuron: 2, example: 1))
/// let path = try drawDot(loss, clusters: n, folded: true, view: .example(3))
/// ```
///
/// Layers, neurons and examples are counted from 1, as the figures' boxes
/// count them (`layer 1 · neuron 2`). A value that the part uses but does
/// not make (a neuron's inputs, for one neuron) is drawn dashed, without
/// the op node that made it.
public enum DrawingView: Hashable, Sendable {
  /// Every value of the graph.
  case whole
  /// One neuron's work on one example: its inputs, weights and bias, its
  /// products and sums, and its activation.
  case neuron(layer: Int, neuron: Int, example: Int = 1)
  /// One layer's work on one example: every neuron of the layer, as
  /// ``neuron(layer:neuron:example:)`` draws one.
  case layer(Int, example: Int = 1)
  /// One example's path from its inputs to its loss term: its inputs,
  /// every neuron's work on it, and what the loss adds for it (its target,
  /// error and square); without the parameters, which every example
  /// shares.
  case example(Int)
}

extension DrawingView {
  /// Whether the view is of a layer.
  var isLayer: Bool {
    if case .layer = self { true } else { false }
  }
}

extension DrawnGraph {
  /// Draws only `view`'s part, and, dashed, the values it uses but does
  /// not make.
  ///
  /// - Throws: ``GraphRenderError/invalidOption(_:)`` for a view of a
  ///   layer, neuron or example that the graph does not have, or any view
  ///   but ``DrawingView/whole`` without the network (`clusters:`).
  mutating func show(_ view: DrawingView) throws {
    var part = [Bool](repeating: false, count: trace.nodes.count)
    func call(_ neuron: NeuronNodes, _ example: Int) throws {
      guard example >= 1, example <= neuron.calls.count else {
        throw GraphRenderError.invalidOption(
          "view: layer \(neuron.layer + 1) · neuron \(neuron.neuron + 1) ran on \(neuron.calls.count) "
            + "example(s) in the graph, not on example \(example)")
      }
      for i in neuron.parameters + neuron.calls[example - 1] { part[i] = true }
    }
    if view == .whole { return }
    guard !neurons.isEmpty else {
      throw GraphRenderError.invalidOption("view: a part of a network's graph needs the network (clusters:)")
    }
    switch view {
    case .whole:
      return
    case .neuron(let layer, let index, let example):
      guard let neuron = neurons.first(where: { $0.layer == layer - 1 && $0.neuron == index - 1 }) else {
        throw GraphRenderError.invalidOption("view: the graph has no layer \(layer) · neuron \(index)")
      }
      try call(neuron, example)
    case .layer(let layer, let example):
      let inLayer = neurons.filter { $0.layer == layer - 1 }
      guard !inLayer.isEmpty else { throw GraphRenderError.invalidOption("view: the graph has no layer \(layer)") }
      for neuron in inLayer { try call(neuron, example) }
    case .example(let k):
      let examples = NetworkExamples(self)
      guard k >= 1, k <= examples.inputs.count else {
        throw GraphRenderError.invalidOption(
          "view: the graph has \(examples.inputs.count) example(s), not an example \(k)")
      }
      for i in trace.nodes.indices where examples.example[i] == k - 1 { part[i] = true }
      // Without the parameters, which every example shares.
      var parameters = [Bool](repeating: false, count: trace.nodes.count)
      for neuron in neurons {
        for p in neuron.parameters { parameters[p] = true }
      }
      keep(part, leftOut: parameters)
      self.view = view
      return
    }
    keep(part)
    self.view = view
  }
}
