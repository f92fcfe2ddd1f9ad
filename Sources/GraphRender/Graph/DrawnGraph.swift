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
  /// The neurons to draw as clusters, layer by layer.
  var neurons: [NeuronNodes] = []

  /// Every value of `trace`, drawn from its operands.
  init(_ trace: Trace) {
    self.trace = trace
    isDrawn = [Bool](repeating: true, count: trace.nodes.count)
    operands = trace.operandIndices()
    opLabels = [String?](repeating: nil, count: trace.nodes.count)
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
