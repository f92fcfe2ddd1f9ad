/// What a drawing shows of a traced graph: every value, or fewer when
/// weighted sums are folded, and the neurons to draw as clusters.
struct DrawnGraph {
  /// The whole graph.
  let trace: Trace
  /// For each value of the trace: whether it is drawn.
  private(set) var isDrawn: [Bool]
  /// For each value: the values its op node is drawn from, in order (its
  /// operands, or a folded sum's terms).
  private(set) var operands: [[Int]]
  /// For each value: its op node's text when it is not the operation's
  /// own (a folded sum's `Σ w·x + b`).
  private(set) var opLabels: [String?]
  /// The neurons to draw as clusters, layer by layer
  /// (``cluster(_:)``).
  private(set) var neurons: [NeuronNodes] = []

  /// Draws `neurons` as clusters, and names the unlabelled values they
  /// made (``names``).
  ///
  /// A method, not an observer of ``neurons``: Swift runs no `didSet`
  /// for a property set in an initializer, where this is called.
  mutating func cluster(_ neurons: [NeuronNodes]) {
    self.neurons = neurons
    for neuron in neurons {
      for (node, name) in neuron.names where trace.nodes[node].label.isEmpty {
        names[node] = name
      }
    }
  }
  /// For each value: the name the drawing shows for it when the value has
  /// no label of its own (a network's `L1.N2.o`), else `nil`.
  private(set) var names: [String?]

  /// What the drawing writes as value `i`'s label: its own, else the
  /// name the drawing gave it, else nothing.
  func label(_ i: Int) -> String {
    let own = trace.nodes[i].label
    return own.isEmpty ? names[i] ?? "" : own
  }

  /// Every value of `trace`, drawn from its operands.
  init(_ trace: Trace) {
    self.trace = trace
    isDrawn = [Bool](repeating: true, count: trace.nodes.count)
    operands = trace.operandIndices()
    opLabels = [String?](repeating: nil, count: trace.nodes.count)
    names = [String?](repeating: nil, count: trace.nodes.count)
  }

  /// Draws each of `sums` as one value, in order, skipping any that
  /// would hide a value already hidden.
  ///
  /// - Returns: How many were folded.
  mutating func fold(_ sums: [WeightedSum]) -> Int {
    var folded = 0
    for sum in sums where isDrawn[sum.sum] && sum.hidden.allSatisfy({ isDrawn[$0] }) {
      for i in sum.hidden {
        isDrawn[i] = false
        operands[i] = []
      }
      operands[sum.sum] = sum.operands
      opLabels[sum.sum] = sum.label
      folded += 1
    }
    return folded
  }

  /// For each value: whether it is drawn cut off, as a value the drawn
  /// part uses but does not make (dashed, without its op node).
  private(set) var isCut: [Bool] = []

  /// Which part of the graph is drawn: ``DrawingView/whole`` unless
  /// ``show(_:)`` chose a part.
  var view = DrawingView.whole

  /// Whether value `i` is drawn with the op node that made it.
  func hasOpNode(_ i: Int) -> Bool {
    isDrawn[i] && trace.nodes[i].op != nil && !operands[i].isEmpty
  }

  /// Draws only the values `part` marks, of those drawn, and cut off
  /// (``isCut``) the values they are drawn from that it does not mark,
  /// except those `leftOut` marks, which are not drawn at all.
  mutating func keep(_ part: [Bool], leftOut: [Bool]? = nil) {
    isCut = [Bool](repeating: false, count: isDrawn.count)
    var shown = isDrawn.indices.map { isDrawn[$0] && part[$0] }
    for i in isDrawn.indices where shown[i] {
      if let leftOut { operands[i].removeAll { !part[$0] && leftOut[$0] } }
      for from in operands[i] where !part[from] {
        isCut[from] = true
      }
    }
    for i in isDrawn.indices where isCut[i] {
      shown[i] = true
      operands[i] = []
    }
    for i in isDrawn.indices where !shown[i] {
      operands[i] = []
    }
    isDrawn = shown
  }

  /// ``Trace/layoutSize(operands:)`` of what is drawn.
  func layoutSize() -> Int {
    var compact = [Int](repeating: -1, count: isDrawn.count)
    var drawnOperands: [[Int]] = []
    for i in isDrawn.indices where isDrawn[i] {
      compact[i] = drawnOperands.count
      drawnOperands.append(operands[i].map { compact[$0] })
    }
    return Trace.layoutSize(operands: drawnOperands)
  }
}
