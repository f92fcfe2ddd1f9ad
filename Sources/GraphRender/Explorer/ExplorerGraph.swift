import Micrograd

/// What a drawing's HTML page shows beside its figure: every value's
/// label, operation, data and gradient, the edges, and the steps of
/// `backward()` as the engine ran them (``BackwardSteps``).
///
/// Kept as numbers, and written as text only when a page is rendered.
struct ExplorerGraph: Hashable, Sendable {
  let labels: [String]
  let ops: [Operation?]
  let data: [Double]
  /// The gradients as drawn.
  let grads: [Double]
  let edges: [Trace.Edge]
  let steps: BackwardSteps
  /// How the figure writes numbers, for the gradients a step shows.
  let numberFormat: NumberFormat
  let showGrad: Bool

  /// The page of `graph`, whose values are named as `labels` says (the
  /// drawing's labels, the same as the figure's).
  init(_ graph: Trace, labels: [String]? = nil, numberFormat: NumberFormat, showGrad: Bool) {
    self.labels = labels ?? graph.nodes.map(\.label)
    ops = graph.nodes.map(\.op)
    data = graph.nodes.map(\.data)
    grads = graph.nodes.map(\.grad)
    edges = graph.edges
    steps = BackwardSteps(graph)
    self.numberFormat = numberFormat
    self.showGrad = showGrad
  }

  /// A value's name in a formula: its label, or `v3` without one.
  func name(_ i: Int) -> String {
    labels[i].isEmpty ? "v\(i)" : labels[i]
  }

  /// The chain rule for each update of a step, with its numbers:
  /// `a.grad += b.data × e.grad = -3.0 × -2.0 = 6.0`. Call inside
  /// `NumberFormat.inPOSIXLocale`.
  func formulas(_ step: BackwardSteps.Step) -> [String] {
    let full = NumberFormat.shortest
    let operands = step.updates.map(\.operand)
    let node = name(step.node)
    return step.updates.enumerated().map { k, update in
      let local = localDerivativeText(step.node, k, operands: operands)
      return "\(name(update.operand)).grad += \(local) × \(node).grad = "
        + "\(full.format(update.localDerivative)) × \(full.format(step.grad)) = \(full.format(update.contribution))"
    }
  }

  /// The local derivative of value `i` with respect to its operand at
  /// `k`, in the lecture's words, as its operation's rules write it:
  /// `b.data` for `a * b`, `(1 − o.data²)` for tanh.
  private func localDerivativeText(_ i: Int, _ k: Int, operands: [Int]) -> String {
    guard let op = ops[i] else { return "0" }
    return op.localDerivativeText(at: k, output: name(i), operands: operands.map(name))
  }
}
