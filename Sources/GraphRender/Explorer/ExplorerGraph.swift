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

  init(_ graph: Trace, numberFormat: NumberFormat, showGrad: Bool) {
    labels = graph.nodes.map(\.label)
    ops = graph.nodes.map(\.op)
    data = graph.nodes.map(\.data)
    grads = graph.nodes.map(\.grad)
    edges = graph.edges
    steps = BackwardSteps(graph)
    self.numberFormat = numberFormat
    self.showGrad = showGrad
  }

  /// The local derivative of value `i` with respect to its operand at
  /// `k`, as its operation's rules write it (`Operation.localDerivativeText`),
  /// with `{j}` where the page writes value `j`'s name as the drawing shows
  /// it: `{1}.data` for `a * b`, `(1 − {3}.data²)` for tanh. Labels never
  /// enter this text, so the page's substitution cannot be fooled by one.
  func localDerivativeTemplate(_ i: Int, _ k: Int, operands: [Int]) -> String {
    guard let op = ops[i] else { return "0" }
    return op.localDerivativeText(at: k, output: "{\(i)}", operands: operands.map { "{\($0)}" })
  }

  /// The rule an operation's `backwardStep()` applies, by name, with its
  /// local derivatives, from the operation's rules (`Operation.rule`):
  /// "the product rule: o = a * b; do/da = b, do/db = a".
  static func rule(_ op: Operation) -> String {
    let rule = op.rule
    return "\(rule.name): \(rule.forward); \(rule.derivative)"
  }
}
